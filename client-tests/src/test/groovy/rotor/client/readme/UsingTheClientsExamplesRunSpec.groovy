package rotor.client.readme

import com.sun.net.httpserver.HttpServer
import rotor.client.examples.UsingTheClients
import rotor.client.jdk.admin.model.Dialect
import rotor.client.support.RotorServer
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.time.Instant

/** The README's examples (UsingTheClients), run against the embedded server. */
class UsingTheClientsExamplesRunSpec extends Specification {

    static final UUID BUSINESS = UUID.fromString('3f2b8c1e-7a4d-4e5f-9b6a-2c1d0e9f8a7b')

    @TempDir
    Path dir

    def server = RotorServer.get()
    def admin = server.admin()

    def "jdk-call: one refresh with the JDK client"() {
        given:
        def grant = admin.grant(Dialect.DAYZERO, BUSINESS.toString())

        when:
        def tokens = UsingTheClients.oneRefresh(server.baseUrl, BUSINESS, grant.refreshToken)

        then:
        tokens.refreshToken.startsWith('rtr_')
        tokens.refreshToken != grant.refreshToken
        admin.chain(grant.grantId).size() == 2
    }

    def "jdk-session: the resource gets a valid access token, the file the new refresh token; a gone grant asks for a login"() {
        given: 'a resource that records the Authorization it is shown'
        def seen = []
        def resource = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
        resource.createContext('/') { exchange ->
            seen << exchange.requestHeaders.getFirst('Authorization')
            def body = 'hello'.bytes
            exchange.sendResponseHeaders(200, body.length)
            exchange.responseBody.write(body)
            exchange.close()
        }
        resource.start()
        def uri = URI.create("http://127.0.0.1:${resource.address.port}/hello")
        def grant = admin.grant(Dialect.ONBOARD)

        when:
        def answer = UsingTheClients.callWithSession(server.baseUrl, dir, grant.refreshToken, uri)

        then:
        answer == 'hello'
        seen.size() == 1
        seen[0].startsWith('Bearer eyJ')
        admin.chain(grant.grantId).size() == 2
        Files.readString(dir.resolve('onboard.token')) != grant.refreshToken

        when: 'the grant is revoked, and the example runs again from the same file'
        admin.revoke(grant.grantId)

        then:
        UsingTheClients.callWithSession(server.baseUrl, dir, grant.refreshToken, uri) == 'login needed'
        seen.size() == 1

        cleanup:
        resource?.stop(0)
    }

    def "mielto: the connection is refreshed and valid for a while"() {
        given:
        def workspace = "ws-${UUID.randomUUID()}"
        def key = admin.apiKey(workspace)
        def connection = admin.connection(server.baseUrl, workspace)

        expect:
        UsingTheClients.keepConnectionFresh(server.baseUrl, connection, key) > Instant.now() + Duration.ofMinutes(30)
    }

    def "micronaut: the declarative client refreshes with the x-auth-token credential"() {
        given:
        def grant = admin.grant(Dialect.ONBOARD)
        def login = new UsingTheClients.OnboardLogin(server.context.getBean(rotor.client.micronaut.onboard.AuthOauthApi))

        when:
        def tokens = login.refresh(grant.refreshToken)

        then:
        tokens.userId == grant.subject
        tokens.refreshToken.token != grant.refreshToken
        admin.chain(grant.grantId).size() == 2
    }
}
