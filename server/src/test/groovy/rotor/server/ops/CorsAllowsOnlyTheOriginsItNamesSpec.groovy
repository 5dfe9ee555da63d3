package rotor.server.ops

import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer
import rotor.server.support.Causes
import rotor.server.support.RawHttp
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/**
 * CORS is off unless configured. Micronaut's CORS, once enabled, lets in every origin, with the
 * browser's credentials, when a configuration names none: enabling it alone does that, and so does
 * MICRONAUT_SERVER_CORS_CONFIGURATIONS_WEB_ALLOWED_ORIGINS, which Micronaut does not read as the
 * list of origins. On an auth server that is a hole its operator did not ask for, so it stops the
 * start, and a configuration that names its origins lets in those alone.
 */
class CorsAllowsOnlyTheOriginsItNamesSpec extends Specification {

    @TempDir
    Path dir

    def "CORS enabled with #what stops the start, naming the configuration"() {
        when:
        ApplicationContext.run(EmbeddedServer, settings() + ['micronaut.server.cors.enabled': true] + cors).close()

        then:
        def e = thrown(Exception)
        Causes.of(e).any { it.message?.contains(expected) }

        where:
        what                                         | cors                                                                            | expected
        'no configuration'                           | [:]                                                                             | "CORS configuration 'default' names no allowed-origins (micronaut.server.cors.configurations.default.allowed-origins)"
        'the origins as an environment variable has them' | ['micronaut.server.cors.configurations.web.allowed.origins': 'http://localhost:3000'] | "CORS configuration 'web' names no allowed-origins"
        'every origin by name'                       | ['micronaut.server.cors.configurations.web.allowed-origins': ['*']]              | "CORS configuration 'web' names no allowed-origins"
    }

    def "a configuration that names its origins starts, and answers the preflight of those origins alone"() {
        given:
        def server = ApplicationContext.run(EmbeddedServer, settings() + [
                'micronaut.server.cors.enabled'                          : true,
                'micronaut.server.cors.configurations.web.allowed-origins': ['http://localhost:3000']])

        when:
        def named = preflight(server.port, 'http://localhost:3000')
        def other = preflight(server.port, 'https://elsewhere.example')

        then:
        named.startsWith('HTTP/1.1 200')
        named.contains('Access-Control-Allow-Origin: http://localhost:3000\r\n')
        !other.contains('Access-Control-Allow-Origin')

        cleanup:
        server?.close()
    }

    private static String preflight(int port, String origin) {
        RawHttp.exchange(port, "OPTIONS /oauth2/token HTTP/1.1\r\nHost: auth.example.com\r\nOrigin: ${origin}\r\n" +
                "Access-Control-Request-Method: POST\r\nConnection: close\r\n\r\n")
    }

    private Map<String, Object> settings() {
        ['micronaut.server.port'  : -1, 'rotor.data-dir': dir.toString(), 'rotor.admin.token': 'admin-token-for-specs',
         'datasources.default.url': "jdbc:h2:mem:cors-${UUID.randomUUID()};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH".toString()]
    }
}
