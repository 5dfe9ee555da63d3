package rotor.server.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of token_grant: one token family. */
@MappedEntity("token_grant")
public record GrantRecord(
        @Id UUID id,
        String dialect,
        String tenant,
        String subject,
        @Nullable String scope,
        @Nullable String clientId,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        @Nullable Instant revokedAt,
        @Nullable String revokedReason) {
}
