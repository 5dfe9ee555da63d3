package rotor.server.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rotor.server.engine.StoreContention;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Retries work that failed on a transient conflict (lock or serialization failure, deadlock): the
 * database rolled it back whole, so running it again is safe. Anything else is not retried.
 */
final class TransientFailures {

    private static final Logger LOG = LoggerFactory.getLogger(TransientFailures.class);
    private static final int ATTEMPTS = 4;
    // 40001 serialization failure, 40P01 deadlock (PostgreSQL), 55P03 lock not available, HYT00 lock timeout (H2).
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "55P03", "HYT00");

    private TransientFailures() {
    }

    /**
     * @throws StoreContention when the work kept conflicting after retries
     */
    static <T> T retried(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException failure) {
                if (!isTransient(failure)) {
                    throw failure;
                }
                if (attempt == ATTEMPTS) {
                    LOG.warn("Gave up after {} transient database failures", ATTEMPTS);
                    throw new StoreContention("the store kept conflicting", failure);
                }
            }
        }
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && RETRYABLE.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
