package rotor.conformance

import groovy.transform.Memoized
import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer

import java.security.SecureRandom

/**
 * The server under test: the one at -Dconformance.base-url (with -Dconformance.admin-token), or,
 * by default, the server module started here on a fresh in-memory store.
 */
class ConformanceTarget {

    final String baseUrl
    final String adminToken
    final boolean embedded
    private final EmbeddedServer server

    private ConformanceTarget(String baseUrl, String adminToken, EmbeddedServer server) {
        this.baseUrl = baseUrl
        this.adminToken = adminToken
        this.embedded = server != null
        this.server = server
    }

    @Memoized
    static ConformanceTarget get() {
        def baseUrl = System.getProperty('conformance.base-url')
        if (baseUrl) {
            def token = System.getProperty('conformance.admin-token')
            assert token: '-Dconformance.admin-token is required with -Dconformance.base-url'
            return new ConformanceTarget(baseUrl, token, null)
        }
        def token = 'conformance-' + new BigInteger(128, new SecureRandom()).toString(36)
        def server = ApplicationContext.builder()
                .deduceEnvironment(false)
                .properties([
                        'micronaut.server.port'             : -1,
                        'rotor.data-dir'                    : 'target/conformance-data',
                        'rotor.admin.token'                 : token,
                        'rotor.connections.reuse-window'    : '0s',
                        'rotor.connections.read-timeout'    : '2s',
                        // mielto's upstreams here are this server and a stub, both on loopback over http.
                        'rotor.connections.allow-private-networks': 'true',
                        'datasources.default.url'           : "jdbc:h2:mem:conformance-${UUID.randomUUID()};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1".toString(),
                ])
                .start()
                .getBean(EmbeddedServer)
        server.start()
        Runtime.runtime.addShutdownHook(new Thread({ server.applicationContext.close() }))
        new ConformanceTarget(server.URL.toString(), token, server)
    }

    String getDescription() {
        embedded ? "the embedded server module (${baseUrl}), fresh in-memory store" : baseUrl
    }
}
