package rotor.client.support

import groovy.transform.Memoized
import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer

import java.security.SecureRandom

/**
 * The server module, started once per test JVM on a fresh in-memory store. onboard's access
 * tokens live one second here (the load spec refreshes them about once a second); the other
 * dialects keep their defaults.
 */
class RotorServer {

    static final String ONBOARD_ACCESS_TOKEN_LIFETIME = '1s'

    final String baseUrl
    final String adminToken
    /** The server's context; its Micronaut declarative clients point at the server itself. */
    final ApplicationContext context

    private RotorServer(String baseUrl, String adminToken, ApplicationContext context) {
        this.baseUrl = baseUrl
        this.adminToken = adminToken
        this.context = context
    }

    @Memoized
    static RotorServer get() {
        def token = 'client-tests-' + new BigInteger(128, new SecureRandom()).toString(36)
        def port = new ServerSocket(0).withCloseable { it.localPort }
        def server = ApplicationContext.builder()
                .deduceEnvironment(false)
                .properties([
                        'micronaut.server.port'                        : port,
                        'micronaut.http.services.onboard.url'          : "http://localhost:${port}".toString(),
                        'rotor.data-dir'                               : 'target/client-tests-data',
                        'rotor.admin.token'                            : token,
                        'rotor.dialects.onboard.access-token-lifetime' : ONBOARD_ACCESS_TOKEN_LIFETIME,
                        // mielto's upstream here is this server's own /oauth2/token, on loopback over http.
                        'rotor.connections.allow-private-networks'     : 'true',
                        'rotor.connections.reuse-window'               : '0s',
                        'datasources.default.url'                      : "jdbc:h2:mem:client-tests-${UUID.randomUUID()};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1".toString(),
                ])
                .start()
                .getBean(EmbeddedServer)
        server.start()
        Runtime.runtime.addShutdownHook(new Thread({ server.applicationContext.close() }))
        new RotorServer(server.URL.toString(), token, server.applicationContext)
    }

    Admin admin() {
        new Admin(baseUrl, adminToken)
    }
}
