package rotor.server.connections

import io.micronaut.context.annotation.Property
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
import rotor.client.micronaut.admin.model.GrantStatus
import rotor.client.micronaut.mielto.OAuthApi
import rotor.client.micronaut.mielto.model.HTTPError
import rotor.client.micronaut.mielto.model.Status
import rotor.server.support.AdminFixtures
import rotor.server.support.EmbeddedServerSpecification

import java.time.OffsetDateTime

/**
 * mielto through its generated client, with the embedded server's own /oauth2/token as the
 * upstream: a connection refreshes, the upstream rotates its refresh token, and the next refresh
 * presents the rotated one. (No reuse window here, so every refresh reaches the upstream.)
 */
@MicronautTest(transactional = false)
@Property(name = 'rotor.connections.reuse-window', value = '0s')
class MieltoConnectionsSpec extends EmbeddedServerSpecification implements AdminFixtures {

    @Inject OAuthApi mielto
    @Inject ClientsApi clientsApi
    @Inject ApiKeysApi apiKeysApi
    @Inject ConnectionsApi connectionsApi
    @Inject GrantsApi grantsApi

    def "a connection to rotor's own token endpoint refreshes, rotates, and refreshes again"() {
        given:
        def client = registerClient()
        def upstreamGrant = oauth2Grant(client)
        def workspace = "ws_${UUID.randomUUID()}"
        def key = apiKey(workspace)
        def id = connection(workspace, "http://localhost:${port}/oauth2/token", client.clientId, client.clientSecret, upstreamGrant.refreshToken)

        when:
        def first = withCredential(Credential.bearer(key)) { mielto.refreshOauthTokenApiV1OauthRefreshConnectionIdPost(id, null) }
        def second = withCredential(Credential.bearer(key)) { mielto.refreshOauthTokenApiV1OauthRefreshConnectionIdPost(id, workspace) }
        def upstream = asAdmin { grantsApi.getGrant(upstreamGrant.grantId, null, null) }.body()

        then:
        first.status.code == 200
        first.body().status == Status.SUCCESS
        first.body().connectionId == id
        first.body().expiresAt.isAfter(OffsetDateTime.now().plusMinutes(59))
        first.body().expiresAt.offset.totalSeconds == 0
        second.status.code == 200

        and: "the upstream saw generation 1 then 2 spent, and no reuse"
        upstream.status == GrantStatus.ACTIVE
        upstream.tokens*.generation == [1, 2, 3]
        upstream.tokens*.usedAt.collect { it != null } == [true, true, false]
    }

    def "an access token of a mielto grant for the workspace authenticates too, until its grant is revoked"() {
        given:
        def client = registerClient()
        def workspace = "ws_${UUID.randomUUID()}"
        def id = connection(workspace, "http://localhost:${port}/oauth2/token", client.clientId, client.clientSecret, oauth2Grant(client).refreshToken)
        def caller = asAdmin { grantsApi.createGrant(new CreateGrantRequest(Dialect.MIELTO, 'svc').tenant(workspace)).body() }

        when:
        def allowed = withCredential(Credential.bearer(caller.accessToken)) { mielto.refreshOauthTokenApiV1OauthRefreshConnectionIdPost(id, null) }
        asAdmin { grantsApi.revokeGrant(caller.grantId) }
        withCredential(Credential.bearer(caller.accessToken)) { mielto.refreshOauthTokenApiV1OauthRefreshConnectionIdPost(id, null) }

        then:
        allowed.status.code == 200
        def e = thrown(HttpClientResponseException)
        e.status.code == 401
        errorBody(e, HTTPError).detail == 'Not authenticated'
    }

    def "#why answers 401 Not authenticated"() {
        given:
        def client = registerClient()
        def workspace = "ws_${UUID.randomUUID()}"
        def id = connection(workspace, "http://localhost:${port}/oauth2/token", client.clientId, client.clientSecret, oauth2Grant(client).refreshToken)
        def presented = [none: Credential.header('X-Nothing', 'none'), unknownKey: Credential.bearer('mk_' + 'Z' * 43),
                         refreshToken: Credential.bearer(oauth2Grant(client).refreshToken)][credential]

        when:
        withCredential(presented) { mielto.refreshOauthTokenApiV1OauthRefreshConnectionIdPost(id, null) }

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 401
        errorBody(e, HTTPError).detail == 'Not authenticated'
        e.response.header('WWW-Authenticate') == 'Bearer'

        where:
        why                                 | credential
        'no credential'                     | 'none'
        'an API key that was never issued'  | 'unknownKey'
        'a token that is no credential'     | 'refreshToken'
    }

    def "#why answers 404 Connection not found"() {
        given:
        def client = registerClient()
        def workspace = "ws_${UUID.randomUUID()}"
        def id = connection(workspace, "http://localhost:${port}/oauth2/token", client.clientId, client.clientSecret, oauth2Grant(client).refreshToken)
        def key = apiKey(callerWorkspace == 'own' ? workspace : "ws_${UUID.randomUUID()}")

        when:
        def response = withCredential(Credential.bearer(key)) {
            mielto.refreshOauthTokenApiV1OauthRefreshConnectionIdPost(target == 'own' ? id : 'conn_unknown', header == 'other' ? 'ws_other' : null)
        }

        then: "Micronaut's declarative clients hand a 404 back rather than throw"
        response.status.code == 404
        response.getBody(HTTPError).orElseThrow().detail == 'Connection not found'

        where:
        why                                              | callerWorkspace | target    | header
        'an unknown connection'                          | 'own'           | 'unknown' | null
        'a connection of another workspace'              | 'other'         | 'own'     | null
        'an X-Workspace-Id other than the caller\'s'     | 'own'           | 'own'     | 'other'
    }
}
