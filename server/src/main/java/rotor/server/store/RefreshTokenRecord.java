package rotor.server.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of refresh_token: the SHA-256 of one refresh token and where it stands in its grant. */
@MappedEntity("refresh_token")
public record RefreshTokenRecord(
        @Id String tokenHash,
        UUID grantId,
        @Nullable String parentHash,
        int generation,
        @Nullable String scope,
        Instant issuedAt,
        Instant expiresAt,
        @Nullable Instant usedAt) {
}
