package rotor.server.support

import groovy.sql.Sql
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource
import jakarta.inject.Inject
import rotor.client.micronaut.Credential
import rotor.client.micronaut.admin.ApiKeysApi
import rotor.client.micronaut.admin.ClientsApi
import rotor.client.micronaut.admin.ConnectionsApi
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.AdminError
import rotor.client.micronaut.admin.model.AdminErrorError
import rotor.client.micronaut.admin.model.Violation
import rotor.client.micronaut.mielto.OAuthApi
import rotor.testing.UpstreamStub

import javax.sql.DataSource

/**
 * Specs of mielto's connections: a workspace with an API key, a stub upstream on 127.0.0.1 that
 * each feature tells how to answer, and the generated clients to register and refresh with.
 */
abstract class ConnectionSpecification extends EmbeddedServerSpecification implements AdminFixtures {

    @Inject OAuthApi mielto
    @Inject ClientsApi clientsApi
    @Inject ApiKeysApi apiKeysApi
    @Inject ConnectionsApi connectionsApi
    @Inject GrantsApi grantsApi
    @Inject DataSource dataSource

    UpstreamStub upstream = new UpstreamStub()
    String workspace = "ws_${UUID.randomUUID()}"

    def cleanup() {
        upstream.close()
    }

    private String workspaceKey

    /** The workspace's API key, made on first use (the injected clients exist only once the feature runs). */
    String getKey() {
        workspaceKey ?: (workspaceKey = apiKey(workspace))
    }

    /** The store itself, beneath Micronaut's transaction-aware proxy: for what only another instance would write. */
    Sql sql() {
        new Sql(DelegatingDataSource.unwrapDataSource(dataSource))
    }

    /** The refresh token the next refresh presents upstream, once the upstream answers again: what is stored. */
    String presentsAfterwards(String id) {
        upstream.issues('up-at-9', 'up-rt-9')
        refresh(id)
        upstream.received.last().form.refresh_token
    }

    /** The violations registering a connection to the token URL is refused with: it must be a 422 validation_failed. */
    List<Violation> refusedRegistering(String tokenUrl) {
        try {
            connection(workspace, tokenUrl, 'acme', 's3cret', 'up-rt-1')
        } catch (HttpClientResponseException e) {
            assert e.status.code == 422
            def body = errorBody(e, AdminError)
            assert body.error == AdminErrorError.VALIDATION_FAILED
            return body.violations
        }
        throw new AssertionError("${tokenUrl} was registered")
    }

    def refresh(String id, String bearer = key) {
        withCredential(Credential.bearer(bearer)) { mielto.refreshOauthTokenApiV1OauthRefreshConnectionIdPost(id, null) }
    }
}
