package rotor.server.support

import rotor.client.micronaut.Credential
import rotor.client.micronaut.admin.ApiKeysApi
import rotor.client.micronaut.admin.ClientsApi
import rotor.client.micronaut.admin.ConnectionsApi
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.ClientAuthMethod
import rotor.client.micronaut.admin.model.CreateApiKeyRequest
import rotor.client.micronaut.admin.model.CreateClientRequest
import rotor.client.micronaut.admin.model.CreateConnectionRequest
import rotor.client.micronaut.admin.model.CreateGrantRequest
import rotor.client.micronaut.admin.model.Dialect
import rotor.client.micronaut.admin.model.IssuedGrant
import rotor.client.micronaut.admin.model.RegisteredClient

/** Admin-contract calls the connection and OAuth specs set up with, through the generated admin clients. */
trait AdminFixtures {

    abstract ClientsApi getClientsApi()

    abstract ApiKeysApi getApiKeysApi()

    abstract ConnectionsApi getConnectionsApi()

    abstract GrantsApi getGrantsApi()

    RegisteredClient registerClient(String scope = null) {
        asAdmin { clientsApi.createClient(new CreateClientRequest().clientName('spec client').scope(scope)).body() }
    }

    IssuedGrant oauth2Grant(RegisteredClient client, String scope = null) {
        asAdmin { grantsApi.createGrant(new CreateGrantRequest(Dialect.OAUTH2, "user-${UUID.randomUUID()}").clientId(client.clientId).scope(scope)).body() }
    }

    String apiKey(String workspace) {
        asAdmin { apiKeysApi.createApiKey(new CreateApiKeyRequest(workspace)).body().apiKey }
    }

    String connection(String workspace, String tokenUrl, String clientId, String clientSecret, String refreshToken,
                      ClientAuthMethod method = null) {
        asAdmin {
            connectionsApi.createConnection(new CreateConnectionRequest(workspace, URI.create(tokenUrl), clientId, clientSecret, refreshToken)
                    .clientAuthMethod(method)).body().connectionId
        }
    }

    def <T> T asAdmin(Closure<T> call) {
        EmbeddedServerSpecification.withCredential(Credential.bearer(EmbeddedServerSpecification.ADMIN_TOKEN), call)
    }
}
