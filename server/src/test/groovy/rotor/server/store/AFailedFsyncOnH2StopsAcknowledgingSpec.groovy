package rotor.server.store

import rotor.server.engine.StoreContention
import rotor.server.support.ForceCountingFilePath
import rotor.server.support.Store
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.sql.Connection
import java.sql.DriverManager
import java.time.Duration

/**
 * rotor forces an embedded H2's file through H2's store rather than through SQL (H2Writes): an
 * fsync that fails there must still count as a failed sync, after which nothing is acknowledged
 * (DurableCommits), and not as a store that could not be reached, which a later sync may cure.
 */
class AFailedFsyncOnH2StopsAcknowledgingSpec extends Specification {

    @TempDir
    Path dir

    def setupSpec() {
        ForceCountingFilePath.register()
    }

    def cleanup() {
        ForceCountingFilePath.FAILING = false
    }

    def "an fsync that the disk fails makes afterCommit refuse, now and after the disk answers again"() {
        given:
        def url = Store.h2Url(dir).replace('jdbc:h2:file:', 'jdbc:h2:forcecount:')
        Connection connection = DriverManager.getConnection(url, 'sa', '')
        execute(connection, 'CREATE TABLE spent (id INT PRIMARY KEY)')
        def durable = new DurableCommits(null, url, true, Duration.ofSeconds(20))
        durable.afterCommit(connection)

        when: 'the disk fails the fsync of a commit'
        execute(connection, 'INSERT INTO spent VALUES (1)')
        ForceCountingFilePath.FAILING = true
        durable.afterCommit(connection)

        then:
        thrown(StoreContention)
        durable.failed()

        when: 'the disk answers again'
        ForceCountingFilePath.FAILING = false
        execute(connection, 'INSERT INTO spent VALUES (2)')
        durable.afterCommit(connection)

        then: 'still nothing is acknowledged'
        thrown(StoreContention)

        cleanup:
        connection?.close()
    }

    private static void execute(Connection connection, String sql) {
        connection.createStatement().withCloseable { it.execute(sql) }
    }
}
