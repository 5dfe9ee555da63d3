package rotor.server.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of signing_key: the public JWK, and the private JWK sealed under the master key. */
@MappedEntity("signing_key")
public record SigningKeyRecord(
        @Id String kid,
        String algorithm,
        String publicJwk,
        String encryptedPrivateJwk,
        Instant createdAt,
        @Nullable Instant retiredAt) {
}
