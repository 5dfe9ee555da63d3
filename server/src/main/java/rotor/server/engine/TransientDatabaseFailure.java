package rotor.server.engine;

import java.sql.SQLException;
import java.util.Set;

/** Tells failures worth retrying (serialization, deadlock, lock timeout) from real faults. */
final class TransientDatabaseFailure {

    // 40001 serialization failure, 40P01 deadlock (PostgreSQL), 55P03 lock not available, HYT00 lock timeout (H2).
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "55P03", "HYT00");

    private TransientDatabaseFailure() {
    }

    static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && RETRYABLE.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
