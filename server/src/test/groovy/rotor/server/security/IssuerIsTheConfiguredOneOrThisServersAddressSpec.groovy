package rotor.server.security

import com.nimbusds.jwt.SignedJWT
import groovy.json.JsonSlurper
import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer
import rotor.server.Issuer
import rotor.server.engine.Dialect
import rotor.server.engine.GrantRequest
import rotor.server.engine.TokenEngine
import spock.lang.Specification

import java.time.Instant

/**
 * The issuer is the iss of every access token and the URL the metadata states every endpoint
 * under. A configured one is used exactly as written, a trailing slash included (a resource server
 * compares iss as a string). Without one it is this server's address on the port it listens on,
 * which for a random port (-1, as the conformance suite starts rotor) is known only once it listens.
 */
class IssuerIsTheConfiguredOneOrThisServersAddressSpec extends Specification {

    def "with rotor.issuer #configured the tokens and the metadata say #expected"() {
        given:
        def properties = ['micronaut.server.port': -1] + (configured == null ? [:] : ['rotor.issuer': configured])
        def server = ApplicationContext.run(EmbeddedServer, properties, 'test')
        def want = expected ?: "http://localhost:${server.port}".toString()

        when:
        def metadata = new JsonSlurper().parse(new URL("http://localhost:${server.port}/.well-known/oauth-authorization-server"))
        def grant = server.applicationContext.getBean(TokenEngine).issue(new GrantRequest(Dialect.ONBOARD, 'ivy', null, null, null), Instant.now())

        then:
        server.port > 0
        metadata.issuer == want
        SignedJWT.parse(grant.accessToken()).JWTClaimsSet.issuer == want
        metadata.token_endpoint == want.replaceAll('/$', '') + '/oauth2/token'

        cleanup:
        server?.close()

        where:
        configured                    | expected
        null                          | null
        'https://auth.example.com/'   | 'https://auth.example.com/'
        'https://auth.example.com/id' | 'https://auth.example.com/id'
    }

    def "rotor.issuer #configured is refused at start, saying why (RFC 8414 section 2)"() {
        when:
        new Issuer(configured, null, 8080)

        then:
        def e = thrown(IllegalStateException)
        e.message.contains('rotor.issuer must be an absolute http(s) URL')
        e.message.contains(configured)

        where:
        configured << ['auth.example.com', 'ftp://auth.example.com', 'https://auth.example.com/?tenant=1', 'https://auth.example.com/#x',
                       'https://user@auth.example.com', 'https://', 'http://exa mple.com']
    }

    def "a refused issuer with a password in it is shown without the password"() {
        when:
        new Issuer('https://ops:hunter2@auth.example.com', null, 8080)

        then:
        def e = thrown(IllegalStateException)
        e.message.contains('https://ops:***@auth.example.com')
        !e.message.contains('hunter2')
    }
}
