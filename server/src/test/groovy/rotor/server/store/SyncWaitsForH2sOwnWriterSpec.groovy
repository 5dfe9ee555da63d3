package rotor.server.store

import rotor.server.support.Store
import spock.lang.Specification
import spock.lang.TempDir
import spock.util.concurrent.PollingConditions

import java.nio.file.Path
import java.sql.Connection
import java.sql.DriverManager
import java.time.Duration
import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit
import java.util.concurrent.FutureTask

/**
 * With WRITE_DELAY above 0, H2's background thread (and any writer that has let much pile up)
 * hands the store's changes to H2's writer threads and returns: the pages count as saved once
 * serialised, before the chunk is in the file. A CHECKPOINT then finds nothing to store and a
 * CHECKPOINT SYNC forces a file that lacks the chunk, so a commit could be acknowledged a moment
 * before it reached the file. The gate holds H2's write of such a chunk; rotor must not return
 * from afterCommit until the chunk is written (and, with sync-commits on, forced after it).
 */
class SyncWaitsForH2sOwnWriterSpec extends Specification {

    @TempDir
    Path dir

    def setupSpec() {
        GatedFilePath.register()
    }

    def "a commit that H2's own store operation took is in the file before afterCommit returns (sync-commits #syncCommits, another commit after it #anotherCommitAfter)"() {
        given: "H2 with the server's own URL, on a file system whose writes the spec can hold"
        def url = Store.h2Url(dir).replace('jdbc:h2:file:', 'jdbc:h2:gated:')
        Connection connection = DriverManager.getConnection(url, 'sa', '')
        execute(connection, 'CREATE TABLE spent (id INT PRIMARY KEY)')
        execute(connection, 'CHECKPOINT SYNC')
        def durable = new DurableCommits(null, url, syncCommits, Duration.ofSeconds(20))
        def store = H2Writes.embeddedStore(connection)

        when: "a commit, and H2's store operation taking it (what its background thread does every WRITE_DELAY), its write held"
        GatedFilePath.holdNextWrite()
        execute(connection, 'INSERT INTO spent VALUES (1)')
        store.tryCommit()
        assert GatedFilePath.awaitHeldWrite(20)
        if (anotherCommitAfter) { // then rotor's own store of it has something to write, queued behind the held chunk
            execute(connection, 'INSERT INTO spent VALUES (2)')
        }

        and: 'rotor makes the commit durable meanwhile'
        def returned = new CompletableFuture()
        def committer = Thread.start {
            try {
                durable.afterCommit(connection)
                returned.complete(null)
            } catch (Throwable failure) {
                returned.completeExceptionally(failure)
            }
        }
        new PollingConditions(timeout: 20).eventually { assert returned.done || waitsForH2sWriter(committer) }
        def returnedBeforeTheWrite = returned.done
        GatedFilePath.releaseHeldWrite()
        returned.get(20, TimeUnit.SECONDS)

        then: 'it waited for the held write'
        !returnedBeforeTheWrite
        !GatedFilePath.forcedWhileHeld()

        and: 'with sync-commits on, the file was forced after it'
        !syncCommits || GatedFilePath.forcedSinceLastWrite()

        cleanup:
        GatedFilePath.releaseHeldWrite()
        connection?.close()

        where:
        syncCommits | anotherCommitAfter
        true        | false
        false       | false
        true        | true
        false       | true
    }

    /** Blocked on a future: waiting for one of H2's writer threads, which only the gate holds. */
    private static boolean waitsForH2sWriter(Thread thread) {
        thread.state == Thread.State.WAITING && thread.stackTrace.any { it.className == FutureTask.name && it.methodName == 'get' }
    }

    private static void execute(Connection connection, String sql) {
        connection.createStatement().withCloseable { it.execute(sql) }
    }
}
