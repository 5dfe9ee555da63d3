package rotor.server.security

import groovy.sql.Sql
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.client.micronaut.Credential
import rotor.client.micronaut.admin.ApiKeysApi
import rotor.client.micronaut.admin.ClientsApi
import rotor.client.micronaut.admin.ConnectionsApi
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.CreateGrantRequest
import rotor.client.micronaut.admin.model.Dialect
import rotor.client.micronaut.admin.model.RegisteredClient
import rotor.client.micronaut.oauth2.Oauth2Api
import rotor.server.engine.GrantRequest
import rotor.server.engine.TokenEngine
import rotor.server.support.AdminFixtures
import rotor.server.support.EmbeddedServerSpecification

import javax.sql.DataSource
import java.time.Instant

/**
 * Issue 9, item 5: RFC 7662 section 4 lets a client learn about the tokens issued to it only;
 * every other token (another client's, another dialect's) is {"active":false}. Only oauth2 grants
 * belong to a client: a client id on another dialect's grant made it that client's to introspect
 * and revoke, so the admin API refuses one, and introspection ignores one stored before.
 */
@MicronautTest(transactional = false)
class IntrospectionAnswersOnlyForTheClientsOwnTokensSpec extends EmbeddedServerSpecification implements AdminFixtures {

    @Inject Oauth2Api oauth2
    @Inject ClientsApi clientsApi
    @Inject ApiKeysApi apiKeysApi
    @Inject ConnectionsApi connectionsApi
    @Inject GrantsApi grantsApi
    @Inject TokenEngine engine
    @Inject DataSource dataSource

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

    def "the admin API names no client on a #dialect grant: 422 on client_id"() {
        given:
        def a = registerClient()

        when:
        asAdmin { grantsApi.createGrant(new CreateGrantRequest(dialect, "user-${UUID.randomUUID()}").tenant(tenant).clientId(a.clientId)) }

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 422
        e.response.getBody(String).get().contains('client_id')

        where:
        dialect         | tenant
        Dialect.DAYZERO | UUID.randomUUID().toString()
        Dialect.ONBOARD | null
        Dialect.SESSION | null
    }

    def "a client named on a dayzero grant (stored before the admin API refused it) can neither introspect nor revoke its #kind"() {
        given:
        def a = registerClient()
        def grant = engine.issue(new GrantRequest(rotor.server.engine.Dialect.DAYZERO, "user-${UUID.randomUUID()}",
                UUID.randomUUID().toString(), null, null), Instant.now())
        // Neither the admin API nor the engine stores such a grant any more: write the old row's client id directly.
        new Sql(DelegatingDataSource.unwrapDataSource(dataSource)).withCloseable { Sql sql ->
            assert sql.executeUpdate('UPDATE token_grant SET client_id = ? WHERE id = ?', [a.clientId, grant.grantId()]) == 1
        }
        def token = kind == 'refreshToken' ? grant.refreshToken() : grant.accessToken()

        when:
        def answer = introspect(a, token)
        def revocation = withCredential(basic(a)) { oauth2.revoke(token, null, null, null) }

        then:
        answer == [active: false]
        revocation.status.code == 200
        asAdmin { grantsApi.getGrant(grant.grantId(), null, null) }.body().status.toString() == 'active'

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
