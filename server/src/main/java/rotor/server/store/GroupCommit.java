package rotor.server.store;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rotor.server.engine.StoreContention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Group commit: concurrent writers hand their work to one committer thread, which runs everything
 * that queued up meanwhile in one transaction, so the batch shares one durable write (H2's page
 * write and fsync, PostgreSQL's WAL flush), the bulk of a small transaction's cost. Each writer is
 * answered only after the commit that holds its work is on the disk ({@link DurableCommits}):
 * nothing is acknowledged that a crash or a power loss could undo.
 *
 * <p>A batch runs its work in the order of each work's lock key, so two instances committing
 * batches over the same rows take their locks in one order and cannot deadlock each other. When a
 * batch fails, each of its works runs again in a transaction of its own, so one bad work fails
 * alone.
 */
@Singleton
public class GroupCommit {

    /** One writer's part of a batch, run on the batch's connection. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    /**
     * A work that is one statement: neighbours in a batch with the same SQL go to the database as
     * one JDBC batch, one round trip for all of them instead of one each.
     */
    public interface Statement<T> extends Work<T> {
        String sql();

        void bind(PreparedStatement statement) throws SQLException;

        /** The work's answer from its statement's update count. */
        T answer(int updateCount);

        @Override
        default T apply(Connection connection) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql())) {
                bind(statement);
                return answer(statement.executeUpdate());
            }
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private final TransactionOperations<Connection> transactions;
    private final ConnectionOperations<Connection> connections;
    private final DurableCommits durable;
    private final int maxBatch;
    private final long gatherNanos;
    private final Duration timeout;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread committer;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong works = new AtomicLong();
    private volatile boolean closing;

    public GroupCommit(TransactionOperations<Connection> transactions, ConnectionOperations<Connection> connections,
                       DurableCommits durable,
                       @Value("${rotor.store.group-commit.max-batch:256}") int maxBatch,
                       @Value("${rotor.store.group-commit.gather:1ms}") Duration gather,
                       @Value("${rotor.store.group-commit.timeout:20s}") Duration timeout) {
        this.transactions = transactions;
        this.connections = connections;
        this.durable = durable;
        this.maxBatch = maxBatch;
        this.gatherNanos = gather.toNanos();
        this.timeout = timeout;
        this.committer = new Thread(this::commitLoop, "rotor-group-commit");
        this.committer.setDaemon(true);
        this.committer.start();
    }

    /**
     * Runs the work in the next batch and returns its answer once that batch is committed and on
     * the disk.
     *
     * @param lockKey the key of the row the work locks first; batches run their works in this order
     * @throws StoreContention when the work was still waiting after the timeout (it then never runs),
     *                         or when its commit could not be synced to the disk (it is then not
     *                         acknowledged, like a commit whose answer was lost)
     */
    public <T> T run(String lockKey, Work<T> work) {
        if (closing) {
            throw new StoreContention("the store is closing", null);
        }
        Pending<T> pending = new Pending<>(lockKey, work);
        queue.add(pending);
        try {
            return pending.answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            if (pending.cancel()) {
                throw new StoreContention("the group commit did not take the work in time", late);
            }
            // Taken by a batch: its statements are bounded by the store's statement timeout.
            return awaitTaken(pending);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StoreContention("interrupted while waiting for the group commit", interrupted);
        } catch (ExecutionException failed) {
            throw unwrap(failed);
        }
    }

    private <T> T awaitTaken(Pending<T> pending) {
        try {
            return pending.answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | InterruptedException stuck) {
            throw new StoreContention("the group commit did not finish in time", stuck);
        } catch (ExecutionException failed) {
            throw unwrap(failed);
        }
    }

    private void commitLoop() {
        List<Pending<?>> batch = new ArrayList<>();
        int lastBatch = 0;
        while (!closing || !queue.isEmpty()) {
            try {
                Pending<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    lastBatch = 0;
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                if (lastBatch > 1) {
                    gather(batch);
                }
                batch.removeIf(pending -> !pending.take());
                lastBatch = batch.size();
                commit(batch);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable unexpected) { // the committer must outlive any failure, or every writer waits
                LOG.error("Group commit failed unexpectedly", unexpected);
                batch.forEach(pending -> pending.answer.completeExceptionally(unexpected));
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Under load (the last batch held more than one work) waits up to the gather time for more
     * works to join: a bigger batch shares the commit's page writes among more rotations. A lone
     * caller never waits for company.
     */
    private void gather(List<Pending<?>> batch) throws InterruptedException {
        long deadline = System.nanoTime() + gatherNanos;
        for (long left = gatherNanos; left > 0 && batch.size() < maxBatch; left = deadline - System.nanoTime()) {
            Pending<?> next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, maxBatch - batch.size());
        }
    }

    private void commit(List<Pending<?>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        if (batch.size() > 1) {
            batch.sort(Comparator.comparing(pending -> pending.lockKey));
        }
        try {
            // One connection for the commit and its sync: given back between them, it could go to
            // a waiting request, and a sync that then found the pool empty would fail a batch that
            // is committed.
            connections.execute(ConnectionDefinition.DEFAULT, status -> {
                commitOn(batch, status.getConnection());
                return null;
            });
        } catch (RuntimeException noConnection) { // commitOn answers every work; a failure here is the pool's
            batch.forEach(pending -> pending.answer.completeExceptionally(noConnection));
        }
    }

    private void commitOn(List<Pending<?>> batch, Connection connection) {
        try {
            TransientFailures.retried(() -> transactions.executeWrite(status -> { // joins the connection
                runAll(batch, status.getConnection());
                return null;
            }));
        } catch (RuntimeException failure) {
            if (batch.size() == 1) {
                batch.get(0).answer.completeExceptionally(failure);
                return;
            }
            for (Pending<?> pending : batch) {
                commitOn(List.of(pending), connection);
            }
            return;
        }
        commits.incrementAndGet();
        works.addAndGet(batch.size());
        try {
            // On the committer, which waits for the disk: the works that queue meanwhile make the
            // next batch bigger. Synced by the writers or by a thread of its own instead (the
            // committer going on to the next batch), batches were smaller and a refresh dearer
            // (bench/RESULTS.md, session 19).
            durable.afterCommit(connection);
        } catch (StoreContention notOnDisk) {
            batch.forEach(pending -> pending.answer.completeExceptionally(notOnDisk));
            return;
        }
        batch.forEach(Pending::complete);
    }

    /** Runs the works in their order; each run of neighbouring statements with the same SQL as one JDBC batch. */
    private static void runAll(List<Pending<?>> batch, Connection connection) {
        int from = 0;
        while (from < batch.size()) {
            String sql = batch.get(from).sql();
            int to = from + 1;
            while (sql != null && to < batch.size() && sql.equals(batch.get(to).sql())) {
                to++;
            }
            if (to - from == 1) {
                batch.get(from).runOn(connection);
            } else {
                runBatched(batch.subList(from, to), sql, connection);
            }
            from = to;
        }
    }

    private static void runBatched(List<Pending<?>> statements, String sql, Connection connection) {
        try (PreparedStatement batched = connection.prepareStatement(sql)) {
            for (Pending<?> pending : statements) {
                pending.bindTo(batched);
                batched.addBatch();
            }
            int[] counts = batched.executeBatch();
            if (counts.length != statements.size() || Arrays.stream(counts).anyMatch(count -> count < 0)) {
                // A driver that does not report each count: the batch fails and each work runs alone.
                throw new IllegalStateException("the JDBC driver did not report each statement's update count");
            }
            for (int i = 0; i < counts.length; i++) {
                statements.get(i).valueFrom(counts[i]);
            }
        } catch (SQLException failure) {
            throw new DataAccessException("group commit batch failed", failure);
        }
    }

    /** Transactions committed so far: each holds one or more works. */
    public long commits() {
        return commits.get();
    }

    /** Works committed so far; over {@link #commits()}, the mean batch size. */
    public long works() {
        return works.get();
    }

    /** Works waiting for the next batch. */
    public int waiting() {
        return queue.size();
    }

    /** Stops taking work, commits what is queued, and lets the committer end (bounded by the timeout). */
    @PreDestroy
    public void close() throws InterruptedException {
        closing = true;
        committer.join(timeout.toMillis());
        if (commits.get() > 0) {
            LOG.info("Group commit: {} works in {} transactions", works.get(), commits.get());
        }
    }

    private static RuntimeException unwrap(ExecutionException failed) {
        return failed.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(failed.getCause());
    }

    private static final class Pending<T> {
        private static final int QUEUED = 0;
        private static final int TAKEN = 1;
        private static final int CANCELLED = 2;

        final String lockKey;
        final Work<T> work;
        final CompletableFuture<T> answer = new CompletableFuture<>();
        private final AtomicInteger state = new AtomicInteger(QUEUED);
        private T value;

        Pending(String lockKey, Work<T> work) {
            this.lockKey = lockKey;
            this.work = work;
        }

        boolean take() {
            return state.compareAndSet(QUEUED, TAKEN);
        }

        boolean cancel() {
            return state.compareAndSet(QUEUED, CANCELLED);
        }

        void runOn(Connection connection) {
            try {
                value = work.apply(connection);
            } catch (SQLException failure) {
                throw new DataAccessException("group commit work failed", failure);
            }
        }

        /** The work's SQL when it is one {@link Statement}, else null: it cannot join a JDBC batch. */
        String sql() {
            return work instanceof Statement<T> statement ? statement.sql() : null;
        }

        void bindTo(PreparedStatement batched) throws SQLException {
            ((Statement<T>) work).bind(batched);
        }

        void valueFrom(int updateCount) {
            value = ((Statement<T>) work).answer(updateCount);
        }

        void complete() {
            answer.complete(value);
        }
    }
}
