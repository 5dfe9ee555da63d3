package rotor.server.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of upstream_connection. The secrets are sealed; this record never holds one in the clear. */
@MappedEntity("upstream_connection")
public record ConnectionRecord(
        @Id String id,
        String workspaceId,
        String tokenUrl,
        String clientId,
        String clientAuthMethod,
        String sealedClientSecret,
        String sealedRefreshToken,
        @Nullable String sealedAccessToken,
        @Nullable Instant expiresAt,
        String status,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant refreshedAt) {
}
