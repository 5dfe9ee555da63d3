package rotor.server.store;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of api_key: a workspace API key, by its SHA-256 only. */
@MappedEntity("api_key")
public record ApiKeyRecord(
        @Id UUID id,
        String keyHash,
        String workspaceId,
        Instant createdAt) {
}
