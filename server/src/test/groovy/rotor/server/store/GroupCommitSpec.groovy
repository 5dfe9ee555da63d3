package rotor.server.store

import io.micronaut.data.connection.ConnectionOperations
import io.micronaut.transaction.TransactionOperations
import rotor.server.engine.StoreContention
import rotor.server.support.Causes
import rotor.server.support.Store
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import java.sql.PreparedStatement
import java.sql.SQLException
import java.time.Duration
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * Group commit: works that queue while a batch runs share the next transaction; each caller is
 * answered after that commit, a failing work fails alone, and a work that waited too long never
 * runs. A first work that holds the committer until the spec lets it go makes the batches
 * deterministic.
 */
class GroupCommitSpec extends Specification {

    @Shared
    def pool = Executors.newCachedThreadPool()

    def cleanupSpec() {
        pool.shutdownNow()
    }

    def "works that queue meanwhile share one commit, and each is answered after it"() {
        given:
        def commit = groupCommit(store)
        def table = probeTable(store)
        def hold = holdCommitter(commit)

        when:
        def answers = (1..10).collect { n ->
            pool.submit({ commit.run("k$n", { c -> insert(c, table, "w$n") }) } as Callable)
        }
        new PollingConditions(timeout: 10).eventually { assert commit.waiting() == 10 }
        hold.countDown()

        then:
        answers*.get(10, TimeUnit.SECONDS) == (1..10).collect { 1 }
        commit.commits() == 2
        commit.works() == 11
        rows(store, table) == (1..10).collect { "w$it" } as Set

        cleanup:
        commit?.close()

        where:
        store << Store.all()
    }

    def "a work that fails fails alone: the others of its batch commit"() {
        given:
        def commit = groupCommit(store)
        def table = probeTable(store)
        def hold = holdCommitter(commit)

        when:
        def good = (1..3).collect { n -> pool.submit({ commit.run("k$n", { c -> insert(c, table, "ok$n") }) } as Callable) }
        def bad = pool.submit({ commit.run('k0', { c -> insert(c, 'no_such_table', 'x') }) } as Callable)
        new PollingConditions(timeout: 10).eventually { assert commit.waiting() == 4 }
        hold.countDown()

        then:
        good*.get(10, TimeUnit.SECONDS) == [1, 1, 1]
        when:
        bad.get(10, TimeUnit.SECONDS)

        then:
        def e = thrown(java.util.concurrent.ExecutionException)
        Causes.of(e).any { it instanceof SQLException }
        rows(store, table) == ['ok1', 'ok2', 'ok3'] as Set

        cleanup:
        commit?.close()

        where:
        store << Store.all()
    }

    def "a work still queued when its caller stops waiting never runs"() {
        given:
        def commit = groupCommit(Store.h2File(), Duration.ofMillis(300))
        def table = probeTable(Store.h2File())
        def hold = holdCommitter(commit)

        when:
        commit.run('late', { c -> insert(c, table, 'late') })

        then:
        thrown(StoreContention)

        when: "the committer is free again and commits a later work"
        hold.countDown()
        commit.run('next', { c -> insert(c, table, 'next') })

        then:
        rows(Store.h2File(), table) == ['next'] as Set

        cleanup:
        commit?.close()
    }

    def "neighbouring statements of one SQL go to the database as one JDBC batch, each with its own answer"() {
        given:
        def commit = groupCommit(store)
        def table = probeTable(store)
        store.sql { ['w1', 'w2'].each { id -> execute("INSERT INTO ${table} (id) VALUES (?)".toString(), [id]) } }
        def delete = "DELETE FROM ${table} WHERE id = ?".toString()
        def works = ['w1', 'none', 'w2'].collect { id -> new CountingStatement(delete, id) }

        when:
        def answers = inOneBatch(commit, works)

        then:
        answers*.get(10, TimeUnit.SECONDS) == [1, 0, 1]
        works*.alone == [0, 0, 0]
        rows(store, table).isEmpty()

        cleanup:
        commit?.close()

        where:
        store << Store.all()
    }

    def "a statement that fails in a batch fails alone: the others of its batch commit"() {
        given:
        def commit = groupCommit(store)
        def table = probeTable(store)
        def insert = "INSERT INTO ${table} (id) VALUES (?)".toString()
        def works = ['x1', 'x1', 'x2'].collect { id -> new CountingStatement(insert, id) }

        when:
        def answers = inOneBatch(commit, works)

        then:
        answers[0].get(10, TimeUnit.SECONDS) == 1
        answers[2].get(10, TimeUnit.SECONDS) == 1
        rows(store, table) == ['x1', 'x2'] as Set

        when:
        answers[1].get(10, TimeUnit.SECONDS)

        then:
        def e = thrown(java.util.concurrent.ExecutionException)
        Causes.of(e).any { it instanceof SQLException }

        cleanup:
        commit?.close()

        where:
        store << Store.all()
    }

    def "a writer is answered only once its batch's commit is on the disk"() {
        given:
        def entered = new CountDownLatch(1)
        def release = new CountDownLatch(1)
        def durable = new DurableCommits({ held -> entered.countDown(); release.await(20, TimeUnit.SECONDS) } as DurableCommits.Force, Duration.ofSeconds(20))
        def commit = groupCommit(Store.h2File(), Duration.ofSeconds(20), durable)
        def table = probeTable(Store.h2File())

        when:
        def answer = pool.submit({ commit.run('k', { c -> insert(c, table, 'synced') }) } as Callable)
        assert entered.await(10, TimeUnit.SECONDS)

        then: 'committed, and still unanswered while the disk syncs'
        rows(Store.h2File(), table) == ['synced'] as Set
        !answer.done

        when:
        release.countDown()

        then:
        answer.get(10, TimeUnit.SECONDS) == 1
        durable.syncs() == 1

        cleanup:
        release.countDown()
        commit?.close()
    }

    def "a batch whose commit could not be synced to the disk is not acknowledged"() {
        given:
        def durable = new DurableCommits({ held -> throw new SQLException('disk gone', '08000') } as DurableCommits.Force, Duration.ofSeconds(5))
        def commit = groupCommit(Store.h2File(), Duration.ofSeconds(20), durable)
        def table = probeTable(Store.h2File())

        when:
        commit.run('k', { c -> insert(c, table, 'unsynced') })

        then: 'committed, but not acknowledged'
        def e = thrown(StoreContention)
        Causes.of(e).any { it instanceof SQLException && it.message == 'disk gone' }
        rows(Store.h2File(), table) == ['unsynced'] as Set

        cleanup:
        commit?.close()
    }

    /** Submits the works while the committer is held, so that they reach it as one batch, then lets it go. */
    private List<java.util.concurrent.Future<Integer>> inOneBatch(GroupCommit commit, List<CountingStatement> works) {
        def hold = holdCommitter(commit)
        def answers = works.withIndex().collect { work, n -> pool.submit({ commit.run("k$n", work) } as Callable) }
        new PollingConditions(timeout: 10).eventually { assert commit.waiting() == works.size() }
        hold.countDown()
        answers
    }

    /** A one-statement work that counts how often it ran on its own rather than in a batch. */
    private static class CountingStatement implements GroupCommit.Statement<Integer> {
        final String sql
        final String id
        int alone

        CountingStatement(String sql, String id) {
            this.sql = sql
            this.id = id
        }

        String sql() { sql }

        void bind(PreparedStatement statement) { statement.setString(1, id) }

        Integer answer(int updateCount) { updateCount }

        Integer apply(java.sql.Connection connection) {
            alone++
            def statement = connection.prepareStatement(sql)
            try {
                bind(statement)
                answer(statement.executeUpdate())
            } finally {
                statement.close()
            }
        }
    }

    private static GroupCommit groupCommit(Store store, Duration timeout = Duration.ofSeconds(20), DurableCommits durable = DurableCommits.none()) {
        new GroupCommit(store.bean(TransactionOperations), store.bean(ConnectionOperations), durable, 256, Duration.ZERO, timeout)
    }

    /** Occupies the committer with a work that waits for the latch; returns once the committer holds it. */
    private CountDownLatch holdCommitter(GroupCommit commit) {
        def hold = new CountDownLatch(1)
        def taken = new CountDownLatch(1)
        pool.submit({ commit.run('', { c -> taken.countDown(); hold.await(20, TimeUnit.SECONDS); 0 }) } as Callable)
        assert taken.await(10, TimeUnit.SECONDS)
        hold
    }

    private static String probeTable(Store store) {
        def table = 'group_commit_probe_' + UUID.randomUUID().toString().replace('-', '')
        store.sql { execute("CREATE TABLE ${table} (id VARCHAR(64) PRIMARY KEY)".toString()) }
        table
    }

    private static int insert(java.sql.Connection connection, String table, String id) {
        def statement = connection.prepareStatement("INSERT INTO ${table} (id) VALUES (?)".toString())
        try {
            statement.setString(1, id)
            statement.executeUpdate()
        } finally {
            statement.close()
        }
    }

    private static Set<String> rows(Store store, String table) {
        store.sql { rows("SELECT id FROM ${table}".toString())*.id as Set }
    }
}
