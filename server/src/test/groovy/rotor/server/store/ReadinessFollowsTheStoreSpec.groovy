package rotor.server.store

import io.micronaut.context.ApplicationContext
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.runtime.server.EmbeddedServer
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.time.Duration
import java.time.Instant

/**
 * /health/readiness is for load balancers: it fails while the store is unreachable and recovers by
 * itself when the store is back, while /health/liveness stays up (restarting rotor would not help).
 */
class ReadinessFollowsTheStoreSpec extends Specification {

    @TempDir
    Path dir

    def "readiness fails while PostgreSQL is down and recovers without a restart of rotor; liveness stays up"() {
        given:
        def pgData = dir.resolve('pg')
        def postgres = startPostgres(pgData, 0)
        int pgPort = postgres.port
        def server = ApplicationContext.run(EmbeddedServer, [
                'micronaut.server.port'                : -1,
                'rotor.data-dir'                       : dir.resolve('rotor').toString(),
                'datasources.default.url'              : postgres.getJdbcUrl('postgres', 'postgres'),
                'datasources.default.driver-class-name': 'org.postgresql.Driver',
                'datasources.default.username'         : 'postgres',
                'datasources.default.password'         : 'postgres',
        ])
        def http = HttpClient.create(server.URL).toBlocking()

        expect:
        status(http, '/health/readiness') == 200
        status(http, '/health/liveness') == 200

        when:
        postgres.close()

        then:
        eventually { status(http, '/health/readiness') == 503 }
        status(http, '/health/liveness') == 200

        when:
        postgres = startPostgres(pgData, pgPort)

        then:
        eventually { status(http, '/health/readiness') == 200 }

        cleanup:
        server?.close()
        postgres?.close()
    }

    private static EmbeddedPostgres startPostgres(Path data, int port) {
        EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start()
    }

    private static int status(def http, String path) {
        try {
            http.exchange(path, String).status.code
        } catch (HttpClientResponseException e) {
            e.status.code
        }
    }

    /** Polls a condition until it holds or 30 s have passed: the store's state changes outside this JVM's control. */
    private static boolean eventually(Closure<Boolean> condition) {
        def deadline = Instant.now() + Duration.ofSeconds(30)
        while (!condition()) {
            if (Instant.now().isAfter(deadline)) {
                return false
            }
            Thread.sleep(200)
        }
        true
    }
}
