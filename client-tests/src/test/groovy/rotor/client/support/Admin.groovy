package rotor.client.support

import rotor.client.jdk.admin.ApiKeysApi
import rotor.client.jdk.admin.ClientsApi
import rotor.client.jdk.admin.ConnectionsApi
import rotor.client.jdk.admin.GrantsApi
import rotor.client.jdk.admin.invoker.ApiClient
import rotor.client.jdk.admin.model.CreateApiKeyRequest
import rotor.client.jdk.admin.model.CreateClientRequest
import rotor.client.jdk.admin.model.CreateConnectionRequest
import rotor.client.jdk.admin.model.CreateGrantRequest
import rotor.client.jdk.admin.model.Dialect
import rotor.client.jdk.admin.model.Grant
import rotor.client.jdk.admin.model.IssuedGrant
import rotor.client.jdk.admin.model.IssuedToken
import rotor.client.jdk.admin.model.RegisteredClient

import java.time.Duration

/** The admin contract through the JDK clients: first tokens, and what the server saw of a grant. */
class Admin {

    final ApiClient client

    Admin(String baseUrl, String adminToken) {
        client = new ApiClient()
        client.updateBaseUri(baseUrl)
        client.setReadTimeout(Duration.ofSeconds(10))
        client.setRequestInterceptor { it.header('Authorization', "Bearer $adminToken") }
    }

    IssuedGrant grant(Dialect dialect, String tenant = null, String clientId = null) {
        new GrantsApi(client).createGrant(new CreateGrantRequest().dialect(dialect).subject("user-${UUID.randomUUID()}")
                .tenant(tenant).clientId(clientId))
    }

    Grant status(UUID grantId) {
        new GrantsApi(client).getGrant(grantId, null, 1)
    }

    /** Every refresh token the grant's chain has had, oldest first, a page at a time. */
    List<IssuedToken> chain(UUID grantId) {
        def tokens = []
        Integer after = null
        while (true) {
            def page = new GrantsApi(client).getGrant(grantId, after, 1000)
            tokens.addAll(page.tokens)
            if (page.nextTokensAfter == null) {
                return tokens
            }
            after = page.nextTokensAfter
        }
    }

    void revoke(UUID grantId) {
        new GrantsApi(client).revokeGrant(grantId)
    }

    RegisteredClient oauthClient() {
        new ClientsApi(client).createClient(new CreateClientRequest().clientName('client-tests'))
    }

    String apiKey(String workspace) {
        new ApiKeysApi(client).createApiKey(new CreateApiKeyRequest().workspaceId(workspace)).apiKey
    }

    /** A mielto connection whose upstream is this server's own /oauth2/token. */
    String connection(String baseUrl, String workspace) {
        def oauth = oauthClient()
        def upstream = grant(Dialect.OAUTH2, null, oauth.clientId)
        new ConnectionsApi(client).createConnection(new CreateConnectionRequest().workspaceId(workspace)
                .tokenUrl(URI.create("${baseUrl}/oauth2/token")).clientId(oauth.clientId)
                .clientSecret(oauth.clientSecret).refreshToken(upstream.refreshToken)).connectionId
    }

    void deleteConnection(String connectionId) {
        new ConnectionsApi(client).deleteConnection(connectionId)
    }
}
