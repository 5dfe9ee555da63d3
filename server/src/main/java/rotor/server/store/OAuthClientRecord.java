package rotor.server.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of oauth_client: a registered client of the standard contract, its secret hashed. */
@MappedEntity("oauth_client")
public record OAuthClientRecord(
        @Id String clientId,
        String secretHash,
        @Nullable String clientName,
        @Nullable String scope,
        Instant createdAt) {
}
