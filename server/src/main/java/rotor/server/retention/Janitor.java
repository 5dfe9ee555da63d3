package rotor.server.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rotor.server.store.GrantRecord;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * Deletes what the store no longer needs (after ORY Hydra's janitor), in batches of short
 * transactions: grants that ended longer ago than rotor.retention.ended-grants, with their tokens;
 * tokens past their own expiry (presenting one is refused as unknown with or without its row, so
 * reuse detection loses nothing); audit events older than rotor.retention.history. One instance
 * of many runs it at a time, by a lease in the store.
 */
@Singleton
public class Janitor {

    /** Rows deleted by one run; {@code ran} is false when another instance held the lease. */
    public record Run(boolean ran, int grants, int refreshTokens, int auditEvents) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Janitor.class);
    private static final String JOB = "retention";
    private static final Duration LEASE = Duration.ofMinutes(10);

    private final RetentionRepository repository;
    private final RetentionSettings settings;
    private final TransactionOperations<Connection> transactions;
    private final String owner = UUID.randomUUID().toString();
    private final Counter grantsDeleted;
    private final Counter tokensDeleted;
    private final Counter eventsDeleted;

    public Janitor(RetentionRepository repository, RetentionSettings settings, TransactionOperations<Connection> transactions,
                   MeterRegistry registry) {
        this.repository = repository;
        this.settings = settings;
        this.transactions = transactions;
        this.grantsDeleted = deletions(registry, "grants");
        this.tokensDeleted = deletions(registry, "refresh_tokens");
        this.eventsDeleted = deletions(registry, "audit_events");
    }

    private static Counter deletions(MeterRegistry registry, String kind) {
        return Counter.builder("rotor.retention.deletions").description("Rows deleted by retention, by kind").tag("kind", kind)
                .register(registry);
    }

    public Run run(Instant now) {
        if (repository.claim(JOB, owner, now, now.plus(LEASE)) != 1) {
            return new Run(false, 0, 0, 0);
        }
        try {
            int[] endedGrants = deleteEndedGrants(now.minus(settings.getEndedGrants()));
            int expiredTokens = inBatches(() -> repository.deleteTokensExpiredBefore(now.minus(settings.getExpiredTokens()),
                    settings.getBatchSize()));
            int history = inBatches(() -> repository.deleteHistoryBefore(now.minus(settings.getHistory()), settings.getBatchSize()));
            Run run = new Run(true, endedGrants[0], endedGrants[1] + expiredTokens, history);
            grantsDeleted.increment(run.grants());
            tokensDeleted.increment(run.refreshTokens());
            eventsDeleted.increment(run.auditEvents());
            LOG.info("Retention deleted {} grants, {} refresh tokens, {} audit events", run.grants(), run.refreshTokens(),
                    run.auditEvents());
            return run;
        } finally {
            repository.release(JOB, owner);
        }
    }

    /** @return grants deleted, tokens deleted */
    private int[] deleteEndedGrants(Instant cutoff) {
        int grants = 0;
        int tokens = 0;
        for (int batch = 0; batch < settings.getMaxBatches(); batch++) {
            int[] deleted = transactions.executeWrite(status -> {
                List<UUID> ids = repository.endedBefore(cutoff, settings.getBatchSize()).stream().map(GrantRecord::id).toList();
                if (ids.isEmpty()) {
                    return new int[] {0, 0};
                }
                int t = repository.deleteTokensOf(ids);
                return new int[] {repository.deleteGrants(ids), t};
            });
            grants += deleted[0];
            tokens += deleted[1];
            if (deleted[0] < settings.getBatchSize()) {
                break;
            }
        }
        return new int[] {grants, tokens};
    }

    /** Repeats a bounded delete, each in a transaction of its own, until a batch comes back short. */
    private int inBatches(IntSupplier batch) {
        int total = 0;
        for (int i = 0; i < settings.getMaxBatches(); i++) {
            int deleted = transactions.executeWrite(status -> batch.getAsInt());
            total += deleted;
            if (deleted < settings.getBatchSize()) {
                break;
            }
        }
        return total;
    }
}
