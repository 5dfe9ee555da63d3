package rotor.server.ops

import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer
import rotor.server.support.Causes
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/**
 * A setting rotor cannot work with stops the start, saying which and why, instead of a server
 * that reports ready and then answers every request with a 500 (an issuer RFC 8414 refuses), or
 * quietly does less than was asked (ROTOR_STORE_SYNC_COMMITS=1 read as false: no fsync at all).
 */
class ASettingThatCannotWorkStopsTheStartSpec extends Specification {

    @TempDir
    Path dir

    def "#name = '#value' stops the start: #expected"() {
        when:
        ApplicationContext.run(EmbeddedServer, settings() + [(name): value]).close()

        then:
        def e = thrown(Exception)
        Causes.of(e).any { it.message?.contains(expected) }

        where:
        name                                      | value          | expected
        'rotor.issuer'                            | 'ftp://x/?a=b' | 'rotor.issuer must be an absolute http(s) URL'
        'rotor.store.sync-commits'                | '1'            | "rotor.store.sync-commits (ROTOR_STORE_SYNC_COMMITS) must be true or false, not '1'"
        'rotor.store.sync-commits'                | 'perhaps'      | "must be true or false, not 'perhaps'"
        'rotor.connections.allow-private-networks' | 'ja'          | "rotor.connections.allow-private-networks (ROTOR_CONNECTIONS_ALLOW_PRIVATE_NETWORKS) must be true or false"
        'rotor.connections.request-threads'       | '0'            | "rotor.connections.request-threads (ROTOR_UPSTREAM_REQUEST_THREADS) must be a whole number of at least 1, not '0'"
        'rotor.connections.request-threads'       | 'many'         | "must be a whole number of at least 1, not 'many'"
        'rotor.retention.enabled'                 | 'maybe'        | "rotor.retention.enabled (ROTOR_RETENTION_ENABLED) must be true or false, not 'maybe'"
        'rotor.dialects.partner.rotation'         | '1'            | "rotor.dialects.partner.rotation (ROTOR_DIALECTS_PARTNER_ROTATION) must be true or false, not '1'"
        'micronaut.server.port'                   | '99999'        | "micronaut.server.port (MICRONAUT_SERVER_PORT) must be a port from 0 to 65535, or -1 for a random one, not '99999'"
        'endpoints.all.port'                      | 'abc'          | "endpoints.all.port (ENDPOINTS_ALL_PORT) must be a port from 0 to 65535, or -1 for a random one, not 'abc'"
        'endpoints.all.port'                      | '70000'        | "must be a port from 0 to 65535, or -1 for a random one, not '70000'"
        'rotor.connections.queue-wait'            | '0s'           | 'rotor.connections.queue-wait (ROTOR_UPSTREAM_QUEUE_WAIT) must be positive, not 0 ms'
        'rotor.connections.queue-wait'            | 'soon'         | 'Unable to convert value [soon] to target type [Duration]'
    }

    def "a data directory with a ';' in it stops the start before H2 reads the rest as its settings"() {
        given: 'the H2 URL application.yml builds from rotor.data-dir'
        def dataDir = dir.resolve('store').toString() + ';INIT=CREATE SCHEMA injected'
        def url = "jdbc:h2:file:${dataDir}/rotor;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH".toString()

        when:
        ApplicationContext.run(EmbeddedServer, ['micronaut.server.port': -1, 'rotor.data-dir': dataDir, 'datasources.default.url': url]).close()

        then:
        def e = thrown(Exception)
        Causes.of(e).any { it.message?.contains("rotor.data-dir (ROTOR_DATA_DIR) must not contain ';'") }
        // no store at the path H2 would have read (the part before the ';'), nor a template copied there
        java.nio.file.Files.walk(dir).noneMatch { it.fileName.toString().endsWith('.mv.db') }
    }

    def "a data directory below a file stops the start with one sentence, before H2 prints its own trace"() {
        given:
        def file = java.nio.file.Files.createFile(dir.resolve('a-file'))
        def dataDir = file.resolve('data').toString()
        def url = "jdbc:h2:file:${dataDir}/rotor;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH".toString()

        when:
        ApplicationContext.run(EmbeddedServer, ['micronaut.server.port': -1, 'rotor.data-dir': dataDir, 'datasources.default.url': url]).close()

        then:
        def e = thrown(Exception)
        def why = Causes.of(e).find { it instanceof IllegalStateException }
        why.message.startsWith("rotor.data-dir (ROTOR_DATA_DIR) ${dataDir} cannot be created: Not a directory")
        Causes.of(e).every { !it.class.name.startsWith('org.h2.') }
    }

    def "#value is an on/off value Micronaut reads, and the server starts"() {
        when:
        def server = ApplicationContext.run(EmbeddedServer, settings() + ['rotor.store.sync-commits': value])

        then:
        server.running

        cleanup:
        server?.close()

        where:
        value << ['true', 'FALSE', 'yes', 'off']
    }

    /** A store of its own: the specs' shared in-memory one holds keys sealed under another data directory's master key. */
    private Map<String, Object> settings() {
        ['micronaut.server.port'  : -1, 'rotor.data-dir': dir.toString(),
         'datasources.default.url': "jdbc:h2:mem:start-${UUID.randomUUID()};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH".toString()]
    }
}
