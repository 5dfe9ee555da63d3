package rotor.server.security

import io.micronaut.http.HttpResponse
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.client.micronaut.Credential
import rotor.client.micronaut.admin.ApiKeysApi
import rotor.client.micronaut.admin.ClientsApi
import rotor.client.micronaut.admin.ConnectionsApi
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.AdminError
import rotor.client.micronaut.admin.model.AdminErrorError
import rotor.client.micronaut.admin.model.CreateApiKeyRequest
import rotor.client.micronaut.admin.model.CreateGrantRequest
import rotor.client.micronaut.admin.model.Dialect
import rotor.client.micronaut.admin.model.GrantStatus
import rotor.client.micronaut.mielto.OAuthApi
import rotor.client.micronaut.oauth2.Oauth2Api
import rotor.client.micronaut.oauth2.model.OAuthError
import rotor.server.store.ConnectionRepository
import rotor.server.support.AdminFixtures
import rotor.server.support.EmbeddedServerSpecification

/**
 * Issue 9, item 9: API keys, OAuth clients and connections can be deleted through the admin
 * contract, and a deletion takes effect at once: every use reads the store, nothing is cached.
 */
@MicronautTest(transactional = false)
class AdminDeletesApiKeysClientsAndConnectionsSpec extends EmbeddedServerSpecification implements AdminFixtures {

    @Inject ClientsApi clientsApi
    @Inject ApiKeysApi apiKeysApi
    @Inject ConnectionsApi connectionsApi
    @Inject GrantsApi grantsApi
    @Inject OAuthApi mielto
    @Inject Oauth2Api oauth2
    @Inject ConnectionRepository connectionRows

    def "a deleted API key authenticates no mielto call: 204, then 401; deleting it again is 404"() {
        given:
        def workspace = "ws_${UUID.randomUUID()}"
        def key = asAdmin { apiKeysApi.createApiKey(new CreateApiKeyRequest(workspace)).body() }

        when:
        def before = status { withCredential(Credential.bearer(key.apiKey)) { mielto.refreshOauthTokenApiV1OauthRefreshConnectionIdPost('conn_unknown', null) } }
        def deleted = asAdmin { apiKeysApi.deleteApiKey(key.apiKeyId) }
        def after = status { withCredential(Credential.bearer(key.apiKey)) { mielto.refreshOauthTokenApiV1OauthRefreshConnectionIdPost('conn_unknown', null) } }
        def again = status { asAdmin { apiKeysApi.deleteApiKey(key.apiKeyId) } }

        then: "before, the key authenticated (the connection was what was unknown)"
        before == 404
        deleted.status.code == 204
        after == 401
        again == 404
    }

    def "a deleted OAuth client authenticates nowhere and its grants are revoked; another client's are not"() {
        given:
        def client = registerClient()
        def grant = oauth2Grant(client)
        def otherClient = registerClient()
        def otherGrant = oauth2Grant(otherClient)

        when:
        def deleted = asAdmin { clientsApi.deleteClient(client.clientId) }
        def token = oauth2Error { oauth2.token('refresh_token', grant.refreshToken, null, client.clientId, client.clientSecret) }
        def introspection = oauth2Error { oauth2.introspect(grant.accessToken, null, client.clientId, client.clientSecret) }
        def shown = asAdmin { grantsApi.getGrant(grant.grantId, null, null) }.body()
        def newGrant = status { asAdmin { grantsApi.createGrant(new CreateGrantRequest(Dialect.OAUTH2, 'late').clientId(client.clientId)) } }
        def again = status { asAdmin { clientsApi.deleteClient(client.clientId) } }

        then:
        deleted.status.code == 204
        token.status == 401 && token.error == 'invalid_client'
        introspection.status == 401 && introspection.error == 'invalid_client'
        shown.status == GrantStatus.REVOKED
        shown.revokedReason == 'client_deleted'
        newGrant == 422
        again == 404

        and: "the other client is untouched"
        asAdmin { grantsApi.getGrant(otherGrant.grantId, null, null) }.body().status == GrantStatus.ACTIVE
        oauth2.token('refresh_token', otherGrant.refreshToken, null, otherClient.clientId, otherClient.clientSecret).status.code == 200
    }

    def "a deleted connection is gone: 204, then 404 to refresh and to show, and its row (with its sealed secrets) is erased"() {
        given:
        def workspace = "ws_${UUID.randomUUID()}"
        def key = apiKey(workspace)
        def id = connection(workspace, 'https://upstream.example/token', 'acme', 'upstream-secret', 'upstream-refresh-token')

        when:
        def deleted = asAdmin { connectionsApi.deleteConnection(id) }
        def refreshed = status { withCredential(Credential.bearer(key)) { mielto.refreshOauthTokenApiV1OauthRefreshConnectionIdPost(id, null) } }
        def shown = status { asAdmin { connectionsApi.getConnection(id) } }
        def again = status { asAdmin { connectionsApi.deleteConnection(id) } }

        then:
        deleted.status.code == 204
        refreshed == 404
        shown == 404
        again == 404
        !connectionRows.existsById(id)
    }

    def "deleting an unknown #what answers 404 not_found"() {
        when:
        def response = asAdmin { action.call(this) } as HttpResponse

        then:
        response.status.code == 404
        response.getBody(AdminError).orElseThrow().error == AdminErrorError.NOT_FOUND

        where:
        what         | action
        'API key'    | { s -> s.apiKeysApi.deleteApiKey(UUID.randomUUID()) }
        'client'     | { s -> s.clientsApi.deleteClient('c_unknown') }
        'connection' | { s -> s.connectionsApi.deleteConnection('conn_unknown') }
    }

    def "deleting #what without the admin token answers 401 and deletes nothing"() {
        given:
        def workspace = "ws_${UUID.randomUUID()}"
        def key = asAdmin { apiKeysApi.createApiKey(new CreateApiKeyRequest(workspace)).body() }
        def client = registerClient()
        def id = connection(workspace, 'https://upstream.example/token', 'acme', 's', 'r')
        def target = [key: key.apiKeyId, client: client.clientId, connection: id]

        when:
        withCredential(Credential.bearer('not-the-admin-token')) { action.call(this, target) }

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 401
        errorBody(e, AdminError).error == AdminErrorError.UNAUTHORIZED

        and: "the key still authenticates, the connection is still stored, the client still authenticates"
        status { withCredential(Credential.bearer(key.apiKey)) { mielto.refreshOauthTokenApiV1OauthRefreshConnectionIdPost('conn_unknown', null) } } == 404
        connectionRows.existsById(id)
        oauth2.introspect('x', null, client.clientId, client.clientSecret).status.code == 200

        where:
        what           | action
        'an API key'   | { s, t -> s.apiKeysApi.deleteApiKey(t.key) }
        'a client'     | { s, t -> s.clientsApi.deleteClient(t.client) }
        'a connection' | { s, t -> s.connectionsApi.deleteConnection(t.connection) }
    }

    /** The status of a call, whether the generated client returned the answer or threw it. */
    private static int status(Closure<?> call) {
        try {
            (call() as HttpResponse).status.code
        } catch (HttpClientResponseException e) {
            e.status.code
        }
    }

    private static Map oauth2Error(Closure<?> call) {
        try {
            def response = call() as HttpResponse
            [status: response.status.code]
        } catch (HttpClientResponseException e) {
            [status: e.status.code, error: e.response.getBody(OAuthError).map { it.error.value }.orElse(null)]
        }
    }
}
