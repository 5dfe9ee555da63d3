package rotor.conformance

import rotor.client.micronaut.Credential
import rotor.client.micronaut.admin.ApiKeysApi
import rotor.client.micronaut.admin.ClientsApi
import rotor.client.micronaut.admin.ConnectionsApi
import rotor.client.micronaut.admin.model.CreateApiKeyRequest
import rotor.client.micronaut.admin.model.CreateClientRequest
import rotor.client.micronaut.admin.model.CreateConnectionRequest
import rotor.client.micronaut.admin.model.Dialect
import rotor.client.micronaut.mielto.OAuthApi
import rotor.testing.UpstreamStub

/**
 * mielto (openapi/mielto.yaml) through its generated client. The upstream of a connection is the
 * target's own /oauth2/token, or a stub on 127.0.0.1 for the failure answers (so the target must
 * run on this machine for those).
 */
class MieltoConformanceSpec extends ConformanceSpecification {

    OAuthApi mielto = client(OAuthApi)

    String workspace = "ws_${UUID.randomUUID()}"
    String key = asAdmin { client(ApiKeysApi).createApiKey(new CreateApiKeyRequest(workspace)).body().apiKey }

    def "200: a connection to the target's own token endpoint refreshes"() {
        given:
        def upstreamClient = asAdmin { client(ClientsApi).createClient(new CreateClientRequest().clientName('mielto upstream')).body() }
        def upstreamGrant = Grants.issue(Dialect.OAUTH2, null, null, upstreamClient.clientId)
        def id = connection("${ConformanceTarget.get().baseUrl}/oauth2/token", upstreamClient.clientId, upstreamClient.clientSecret, upstreamGrant.refreshToken)

        when:
        def x = call(Credential.bearer(key)) { mielto.refreshOauthTokenApiV1OauthRefreshConnectionIdPost(id, workspace) }

        then:
        conforms(x)
        x.status == 200
        x.json.status == 'success'
        x.json.connection_id == id
        (x.json.expires_at as String).endsWith('Z')
    }

    def "#status: #why"() {
        given:
        def stub = new UpstreamStub()
        stub.answers(upstreamStatus, upstreamBody)
        def id = connection(stub.tokenUrl, 'acme', 's3cret', 'up-rt-1')

        when:
        def x = call(Credential.bearer(key)) { mielto.refreshOauthTokenApiV1OauthRefreshConnectionIdPost(id, null) }

        then:
        conforms(x)
        x.status == status
        x.json.detail == detail

        cleanup:
        stub.close()

        where:
        why                                   | upstreamStatus | upstreamBody                 | status | detail
        'the upstream refuses the grant'      | 400            | '{"error":"invalid_grant"}'  | 409    | 'Connection requires re-authorization'
        'the upstream fails'                  | 503            | '{"error":"unavailable"}'    | 502    | 'Upstream token endpoint failed'
    }

    def "404: an unknown connection, or one of another workspace"() {
        given:
        def other = asAdmin { client(ApiKeysApi).createApiKey(new CreateApiKeyRequest("ws_${UUID.randomUUID()}")).body().apiKey }
        def id = connection('https://upstream.example/token', 'acme', 's3cret', 'up-rt-1')

        when:
        def unknown = call(Credential.bearer(key)) { mielto.refreshOauthTokenApiV1OauthRefreshConnectionIdPost('conn_unknown', null) }
        def foreign = call(Credential.bearer(other)) { mielto.refreshOauthTokenApiV1OauthRefreshConnectionIdPost(id, null) }

        then:
        [unknown, foreign].every { conforms(it) && it.status == 404 && it.json.detail == 'Connection not found' }
    }

    def "401: no credential, or one that is neither an API key nor an access token of the target"() {
        when:
        def none = call(Credential.header('Authorization', null)) { mielto.refreshOauthTokenApiV1OauthRefreshConnectionIdPost('conn_x', null) }
        def bad = call(Credential.bearer('mk_' + 'W' * 43)) { mielto.refreshOauthTokenApiV1OauthRefreshConnectionIdPost('conn_x', null) }

        then:
        answersConform(none)
        conforms(bad)
        [none, bad].every { it.status == 401 && it.json.detail == 'Not authenticated' }
    }

    def "422: a connection_id over 128 characters (sent by the JDK client, which validates nothing itself)"() {
        when:
        def x = call { jdkClient(rotor.client.jdk.mielto.OAuthApi, [Authorization: "Bearer ${key}".toString()]).refreshOauthTokenApiV1OauthRefreshConnectionIdPost('c' * 129, null) }

        then:
        answersConform(x)
        x.status == 422
        x.json.detail[0].type == 'string_too_long'
    }

    def "400: a header over the size limit"() {
        when:
        def x = call(Credential.bearer('k' * 9000)) { mielto.refreshOauthTokenApiV1OauthRefreshConnectionIdPost('conn_x', null) }

        then:
        answersConform(x)
        x.status == 400
    }

    private String connection(String tokenUrl, String clientId, String secret, String refreshToken) {
        asAdmin {
            client(ConnectionsApi).createConnection(new CreateConnectionRequest(workspace, URI.create(tokenUrl), clientId, secret, refreshToken))
                    .body().connectionId
        }
    }
}
