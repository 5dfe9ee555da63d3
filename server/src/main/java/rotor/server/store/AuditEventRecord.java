package rotor.server.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of audit_event. Never carries a token value. */
@MappedEntity("audit_event")
public record AuditEventRecord(
        @Id UUID id,
        @Nullable UUID grantId,
        String eventType,
        @Nullable String detail,
        Instant occurredAt) {
}
