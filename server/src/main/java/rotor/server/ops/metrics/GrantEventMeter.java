package rotor.server.ops.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.data.event.listeners.PostPersistEventListener;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import rotor.server.engine.AuditEvent;
import rotor.server.store.AuditEventRecord;

import java.sql.Connection;
import java.util.Map;

/**
 * Counts reuse detections (rotor_reuse_detections_total) and grace re-issues
 * (rotor_grace_reissues_total) as the audit trail records them, once their transaction commits:
 * a transaction that the store retries or rolls back counts nothing. Watching the audit rows keeps
 * the engine free of metrics.
 */
@Singleton
public class GrantEventMeter implements PostPersistEventListener<AuditEventRecord> {

    private final TransactionOperations<Connection> transactions;
    private final Map<String, Counter> counters;

    public GrantEventMeter(TransactionOperations<Connection> transactions, MeterRegistry registry) {
        this.transactions = transactions;
        this.counters = Map.of(
                AuditEvent.REUSE_DETECTED.name(), Counter.builder("rotor.reuse.detections")
                        .description("Spent refresh tokens presented again: each revoked its whole grant").register(registry),
                AuditEvent.GRACE_REISSUED.name(), Counter.builder("rotor.grace.reissues")
                        .description("Spent refresh tokens re-issued within their grace period").register(registry));
    }

    @Override
    public void postPersist(AuditEventRecord event) {
        Counter counter = counters.get(event.eventType());
        if (counter == null) {
            return;
        }
        transactions.findTransactionStatus().ifPresentOrElse(
                status -> status.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        counter.increment();
                    }
                }),
                counter::increment);
    }
}
