package rotor.server.engine;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rotor.server.store.AuditEventRecord;
import rotor.server.store.AuditEventRepository;

import java.time.Instant;
import java.util.UUID;

/** Writes what happened to a grant, in the transaction that made it happen. Never a token value. */
@Singleton
public class AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

    public enum Event { GRANT_CREATED, ROTATED, GRACE_REISSUED, REUSE_DETECTED, REVOKED }

    private final AuditEventRepository repository;

    public AuditTrail(AuditEventRepository repository) {
        this.repository = repository;
    }

    void record(UUID grantId, Event event, String detail, Instant at) {
        repository.save(new AuditEventRecord(UUID.randomUUID(), grantId, event.name(), detail, at));
        if (event == Event.REUSE_DETECTED) {
            LOG.warn("Refresh token reuse detected: grant {} revoked ({})", grantId, detail);
        }
    }
}
