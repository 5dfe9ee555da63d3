package rotor.server.store;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rotor.server.engine.StoreContention;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Forces what a transaction committed to the disk before the caller acknowledges it, so that a
 * power loss or a kernel crash loses no token that a client was given, as a killed process already
 * loses none.
 *
 * <p>H2 writes a commit to its file within its WRITE_DELAY (a second in the packaged URL), and
 * never calls fsync while it runs: the commit stays in the operating system's cache, and H2's
 * documentation ("Durability Problems") says that after a power failure "a bit more than one
 * second of committed transactions may be lost" (with Linux's default write-back, up to about
 * 30 s); the cure it names is {@code CHECKPOINT SYNC}, which writes what is committed and forces
 * it to the disk. That alone can miss a commit that H2's own writer thread is still writing
 * ({@link H2Writes}), so rotor writes everything committed out itself, waiting for that thread,
 * and then forces the file; with rotor.store.sync-commits off it only writes it out, so that a
 * killed process loses nothing. Over a tcp: URL H2's threads are out of reach and the SQL
 * CHECKPOINT (SYNC) is what is left. (WRITE_DELAY=0 would write every commit
 * itself, but it also stops H2's background thread, the only one that compacts the file: the
 * file then keeps every byte ever written.) PostgreSQL flushes its WAL at every commit itself
 * (synchronous_commit, on by default), so there, and on an in-memory H2, this does nothing.
 *
 * <p>Concurrent callers share one fsync: a caller whose commit ended before a running sync began
 * is covered by that sync and returns when it ends, without one of its own. The group commit makes
 * one call per batch of rotations, so a whole batch shares one fsync.
 */
@Singleton
public class DurableCommits {

    /**
     * Writes the store's commits to its file and, with sync-commits on, forces the file to the
     * disk: an SQLException when the sync ran and failed (the disk did not take the commits), a
     * RuntimeException when it could not run (no connection, say).
     */
    @FunctionalInterface
    public interface Force {
        /**
         * @param held the connection the caller committed on and still holds, or null: the force
         *             then borrows one
         */
        void force(Connection held) throws SQLException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(DurableCommits.class);

    private final Force force;
    private final Duration timeout;
    private final ReentrantLock syncing = new ReentrantLock(true); // fair: a covered waiter is not starved into a timeout
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong syncs = new AtomicLong();
    private long synced; // the last commit that a finished sync covers; guarded by syncing
    private volatile Throwable failed; // sticky: after a failed fsync, a later one may succeed without the lost pages

    @Inject
    public DurableCommits(ConnectionOperations<Connection> connections,
                          @Value("${datasources.default.url:}") String jdbcUrl,
                          @Value("${rotor.store.sync-commits:true}") boolean enabled,
                          @Value("${rotor.store.group-commit.timeout:20s}") Duration timeout) {
        this(h2File(jdbcUrl) ? held -> checkpoint(held, connections, enabled) : null, timeout);
    }

    /**
     * @param force what forces the store to disk, or null when commits are durable without it
     */
    public DurableCommits(Force force, Duration timeout) {
        this.force = force;
        this.timeout = timeout;
    }

    /** Commits that are durable as they are, for stores and tests that need no fsync. */
    public static DurableCommits none() {
        return new DurableCommits(null, Duration.ZERO);
    }

    /**
     * Returns once everything that committed before the call is on the disk.
     *
     * @throws StoreContention when the disk could not be synced in time, or not at all: the commit
     *                         is then not known to be durable, and must not be acknowledged
     */
    public void afterCommit() {
        afterCommit(null);
    }

    /**
     * As {@link #afterCommit()}, syncing on the connection the caller committed on when the sync
     * falls to it: a caller that gave its connection back and borrowed one for the sync could find
     * the pool empty, and fail a commit that the database already holds.
     *
     * @param committedOn the caller's connection, outside any transaction, or null
     */
    public void afterCommit(Connection committedOn) {
        if (force == null) {
            return;
        }
        refuseAfterAFailedSync();
        long commit = committed.incrementAndGet();
        try {
            if (!syncing.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StoreContention("the store was not synced to disk in time", null);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StoreContention("interrupted while waiting for the store to sync to disk", interrupted);
        }
        try {
            if (synced >= commit) {
                return; // a sync that began after this commit has ended
            }
            refuseAfterAFailedSync();
            long upTo = committed.get();
            forceNow(committedOn);
            syncs.incrementAndGet();
            synced = upTo;
        } finally {
            syncing.unlock();
        }
    }

    private void refuseAfterAFailedSync() {
        if (failed != null) {
            throw new StoreContention("an earlier sync to disk failed; restart rotor to recover the store", failed);
        }
    }

    private void forceNow(Connection committedOn) {
        try {
            force.force(committedOn);
        } catch (SQLException failure) {
            // As PostgreSQL does after a failed fsync: Linux may have dropped the unwritten pages and
            // report the next fsync as a success, so no later commit is acknowledged either.
            failed = failure;
            LOG.error("The store could not write its commits to disk: no commit is acknowledged from now on; restart rotor", failure);
            throw new StoreContention("the store could not write its commits to disk", failure);
        } catch (RuntimeException notRun) {
            // Nothing is known lost: a later sync may succeed.
            throw new StoreContention("the store could not be reached to sync its commits to disk", notRun);
        }
    }

    /** Whether a sync to disk failed: then no commit is acknowledged until a restart ({@link StoreSyncHealth}). */
    public boolean failed() {
        return failed != null;
    }

    /** The fsyncs made so far; fewer than the calls when callers shared them. */
    public long syncs() {
        return syncs.get();
    }

    /** Callers waiting for a sync to end. */
    public int waiting() {
        return syncing.getQueueLength();
    }

    private static boolean h2File(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:h2:mem:");
    }

    private static void checkpoint(Connection held, ConnectionOperations<Connection> connections, boolean sync) throws SQLException {
        if (held != null) {
            checkpoint(held, sync);
            return;
        }
        try {
            connections.execute(ConnectionDefinition.DEFAULT, status -> {
                try {
                    checkpoint(status.getConnection(), sync);
                    return null;
                } catch (SQLException failure) {
                    throw new SyncFailed(failure);
                }
            });
        } catch (RuntimeException notSynced) {
            for (Throwable t = notSynced; t != null; t = t.getCause()) { // however the callback's exception came back
                if (t instanceof SyncFailed failed) {
                    throw failed.getCause();
                }
            }
            throw notSynced;
        }
    }

    private static void checkpoint(Connection connection, boolean sync) throws SQLException {
        if (!H2Writes.writeCommitted(connection, sync)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sync ? "CHECKPOINT SYNC" : "CHECKPOINT");
            }
        }
    }

    /** Carries the sync statement's own failure out of the connection callback. */
    private static final class SyncFailed extends RuntimeException {
        SyncFailed(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
