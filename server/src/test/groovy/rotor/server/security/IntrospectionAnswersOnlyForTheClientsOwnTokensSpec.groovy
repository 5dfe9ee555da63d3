package rotor.server.security

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.client.micronaut.Credential
import rotor.client.micronaut.admin.ApiKeysApi
import rotor.client.micronaut.admin.ClientsApi
import rotor.client.micronaut.admin.ConnectionsApi
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.Dialect
import rotor.client.micronaut.admin.model.RegisteredClient
import rotor.client.micronaut.oauth2.Oauth2Api
import rotor.server.support.AdminFixtures
import rotor.server.support.EmbeddedServerSpecification

/**
 * Issue 9, item 5: RFC 7662 section 4 lets a client learn about the tokens issued to it only;
 * every other token (another client's, another dialect's) is {"active":false}.
 */
@MicronautTest(transactional = false)
class IntrospectionAnswersOnlyForTheClientsOwnTokensSpec extends EmbeddedServerSpecification implements AdminFixtures {

    @Inject Oauth2Api oauth2
    @Inject ClientsApi clientsApi
    @Inject ApiKeysApi apiKeysApi
    @Inject ConnectionsApi connectionsApi
    @Inject GrantsApi grantsApi

    def "client A learns nothing about client B's #kind, which B is told is active"() {
        given:
        def a = registerClient()
        def b = registerClient()
        def grant = oauth2Grant(b)

        when:
        def toA = introspect(a, grant[kind])
        def toB = introspect(b, grant[kind])

        then:
        toA == [active: false]
        toB.active == true
        toB.clientId == b.clientId

        where:
        kind << ['accessToken', 'refreshToken']
    }

    def "a client learns nothing about the #dialect dialect's #kind"() {
        given:
        def a = registerClient()
        def grant = issue(grantsApi, dialect, tenant)

        when:
        def answer = introspect(a, grant[kind])

        then:
        answer == [active: false]

        where:
        dialect         | tenant                         | kind
        Dialect.ONBOARD | null                           | 'accessToken'
        Dialect.ONBOARD | null                           | 'refreshToken'
        Dialect.SESSION | null                           | 'accessToken'
        Dialect.SESSION | null                           | 'refreshToken'
        Dialect.DAYZERO | UUID.randomUUID().toString()   | 'accessToken'
        Dialect.PARTNER | '1042'                         | 'refreshToken'
        Dialect.MIELTO  | 'ws_introspection'             | 'accessToken'
    }

    def "a client introspects its own #kind as active"() {
        given:
        def a = registerClient('read')
        def grant = oauth2Grant(a, 'read')

        when:
        def answer = introspect(a, grant[kind])

        then:
        answer.active == true
        answer.clientId == a.clientId
        answer.sub == grant.subject

        where:
        kind << ['accessToken', 'refreshToken']
    }

    def "client A's revocation of client B's #kind answers 200 (RFC 7009 section 2.2) and revokes nothing"() {
        given:
        def a = registerClient()
        def b = registerClient()
        def grant = oauth2Grant(b)

        when:
        def revocation = withCredential(basic(a)) { oauth2.revoke(grant[kind] as String, null, null, null) }

        then:
        revocation.status.code == 200
        introspect(b, grant.accessToken).active == true
        introspect(b, grant.refreshToken).active == true

        where:
        kind << ['accessToken', 'refreshToken']
    }

    private Map introspect(RegisteredClient client, String token) {
        def body = withCredential(basic(client)) { oauth2.introspect(token, null, null, null) }.body()
        // Every member the generated model has that was on the wire (null when absent).
        body.properties.findAll { name, value -> name != 'class' && !name.startsWith('JSON_PROPERTY') && value != null }
    }

    private static Credential basic(RegisteredClient client) {
        Credential.header('Authorization', 'Basic ' + "${client.clientId}:${client.clientSecret}".bytes.encodeBase64())
    }
}
