package rotor.conformance

import rotor.client.micronaut.Credential
import rotor.client.micronaut.admin.ApiKeysApi
import rotor.client.micronaut.admin.ClientsApi
import rotor.client.micronaut.admin.ConnectionsApi
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.SubjectsApi
import rotor.client.micronaut.admin.model.CreateApiKeyRequest
import rotor.client.micronaut.admin.model.CreateClientRequest
import rotor.client.micronaut.admin.model.CreateConnectionRequest
import rotor.client.micronaut.admin.model.CreateGrantRequest
import rotor.client.micronaut.admin.model.Dialect

/** The admin contract (openapi/admin.yaml): every operation, every documented answer. */
class AdminConformanceSpec extends ConformanceSpecification {

    GrantsApi grants = client(GrantsApi)
    ApiKeysApi apiKeys = client(ApiKeysApi)
    ConnectionsApi connections = client(ConnectionsApi)
    ClientsApi clients = client(ClientsApi)
    rotor.client.micronaut.onboard.AuthOauthApi onboard = client(rotor.client.micronaut.onboard.AuthOauthApi)
    SubjectsApi subjects = client(SubjectsApi)

    def "grants: 201 issued and uncached, 200 shown with its chain, 204 revoked, 200 shown revoked"() {
        given:
        def admin = Credential.bearer(ConformanceTarget.get().adminToken)

        when:
        def created = call(admin) { grants.createGrant(new CreateGrantRequest(Dialect.ONBOARD, 'carol').scope('read')) }
        def id = UUID.fromString(created.json.grant_id as String)
        def shown = call(admin) { grants.getGrant(id, null, null) }
        def revoked = call(admin) { grants.revokeGrant(id) }
        def after = call(admin) { grants.getGrant(id, null, null) }

        then:
        [created, shown, revoked, after].every { conforms(it) }
        created.status == 201
        created.header('Cache-Control') == 'no-store'
        shown.status == 200
        shown.json.status == 'active'
        shown.json.tokens*.generation == [1]
        !shown.responseBody.contains(created.json.refresh_token as String)
        revoked.status == 204
        after.json.status == 'revoked'
        after.json.revoked_reason == 'admin'
    }

    def "api keys, connections and clients: 201, and a connection is shown without a secret"() {
        given:
        def admin = Credential.bearer(ConformanceTarget.get().adminToken)

        when:
        def key = call(admin) { apiKeys.createApiKey(new CreateApiKeyRequest('ws_conformance')) }
        def client = call(admin) { clients.createClient(new CreateClientRequest().clientName('conformance')) }
        def connection = call(admin) {
            connections.createConnection(new CreateConnectionRequest('ws_conformance', URI.create('https://upstream.example/token'), 'acme',
                    'upstream-secret-value', 'upstream-refresh-value'))
        }
        def shown = call(admin) { connections.getConnection(connection.json.connection_id as String) }

        then:
        [key, client, connection, shown].every { conforms(it) }
        key.status == 201
        (key.json.api_key as String).length() > 32
        client.status == 201
        client.json.client_secret != null
        connection.status == 201
        shown.status == 200
        shown.json.status == 'active'
        !shown.responseBody.contains('upstream-secret-value') && !shown.responseBody.contains('upstream-refresh-value')
    }

    def "api keys, clients and connections: 204 deleted, then 404 to delete again"() {
        given:
        def admin = Credential.bearer(ConformanceTarget.get().adminToken)
        def key = asAdmin { apiKeys.createApiKey(new CreateApiKeyRequest('ws_conformance')).body() }
        def client = asAdmin { clients.createClient(new CreateClientRequest().clientName('conformance')).body() }
        def connection = asAdmin {
            connections.createConnection(new CreateConnectionRequest('ws_conformance', URI.create('https://upstream.example/token'), 'acme',
                    'upstream-secret-value', 'upstream-refresh-value')).body()
        }

        when:
        def deletions = [
                call(admin) { apiKeys.deleteApiKey(key.apiKeyId) },
                call(admin) { clients.deleteClient(client.clientId) },
                call(admin) { connections.deleteConnection(connection.connectionId) },
        ]
        def again = [
                call(admin) { apiKeys.deleteApiKey(key.apiKeyId) },
                call(admin) { clients.deleteClient(client.clientId) },
                call(admin) { connections.deleteConnection(connection.connectionId) },
        ]
        def shown = call(admin) { connections.getConnection(connection.connectionId) }

        then:
        (deletions + again + [shown]).every { conforms(it) }
        deletions*.status == [204, 204, 204]
        again*.status == [404, 404, 404]
        again.every { it.json.error == 'not_found' }
        shown.status == 404
    }

    def "subjects: 200 with how many live grants were revoked, in every dialect, then 200 with 0"() {
        given:
        def admin = Credential.bearer(ConformanceTarget.get().adminToken)
        def subject = "subject-${UUID.randomUUID()}"
        def issued = [Dialect.ONBOARD, Dialect.SESSION].collect { dialect ->
            asAdmin { grants.createGrant(new CreateGrantRequest(dialect, subject)).body() }
        }

        when:
        def revoked = call(admin) { subjects.revokeSubjectGrants('default', subject) }
        def again = call(admin) { subjects.revokeSubjectGrants('default', subject) }
        def shown = issued.collect { grant -> asAdmin { grants.getGrant(grant.grantId, null, null) }.body() }

        then:
        [revoked, again].every { conforms(it) }
        revoked.status == 200
        revoked.json.revoked == 2
        again.status == 200
        again.json.revoked == 0
        shown*.status*.value == ['revoked', 'revoked']
    }

    def "401 with the Bearer challenge for a missing or wrong admin token, on #operation"() {
        when:
        def x = call(Credential.bearer('not-the-admin-token')) { action.call(this) }

        then:
        answersConform(x)
        x.status == 401
        x.json.error == 'unauthorized'
        x.header('WWW-Authenticate') == 'Bearer'

        where:
        operation          | action
        'createGrant'      | { s -> s.grants.createGrant(new CreateGrantRequest(Dialect.ONBOARD, 'x')) }
        'getGrant'         | { s -> s.grants.getGrant(UUID.randomUUID(), null, null) }
        'revokeGrant'      | { s -> s.grants.revokeGrant(UUID.randomUUID()) }
        'createApiKey'     | { s -> s.apiKeys.createApiKey(new CreateApiKeyRequest('ws')) }
        'createConnection' | { s -> s.connections.createConnection(new CreateConnectionRequest('ws', URI.create('https://u.example/t'), 'c', 's', 'r')) }
        'getConnection'    | { s -> s.connections.getConnection('conn_x') }
        'createClient'     | { s -> s.clients.createClient(new CreateClientRequest()) }
        'deleteApiKey'     | { s -> s.apiKeys.deleteApiKey(UUID.randomUUID()) }
        'deleteClient'     | { s -> s.clients.deleteClient('c_x') }
        'deleteConnection' | { s -> s.connections.deleteConnection('conn_x') }
        'revokeSubjectGrants' | { s -> s.subjects.revokeSubjectGrants('default', 'x') }
    }

    def "404 for an unknown #operation"() {
        when:
        def x = call(Credential.bearer(ConformanceTarget.get().adminToken)) { action.call(this) }

        then:
        conforms(x)
        x.status == 404
        x.json.error == 'not_found'

        where:
        operation       | action
        'grant to show'  | { s -> s.grants.getGrant(UUID.randomUUID(), null, null) }
        'grant to revoke' | { s -> s.grants.revokeGrant(UUID.randomUUID()) }
        'connection'     | { s -> s.connections.getConnection('conn_unknown') }
        'API key to delete' | { s -> s.apiKeys.deleteApiKey(UUID.randomUUID()) }
        'client to delete' | { s -> s.clients.deleteClient('c_unknown') }
        'connection to delete' | { s -> s.connections.deleteConnection('conn_unknown') }
    }

    def "#status on #operation: #why"() {
        given:
        def auth = [Authorization: 'Bearer ' + ConformanceTarget.get().adminToken]

        when:
        def x = call { action.call(auth) }

        then:
        answersConform(x)
        x.status == status
        x.json.error == error

        where:
        operation          | why                                | status | error               | action
        'createGrant'      | 'a body that is not JSON'          | 400    | 'invalid_request'   | { h -> jdkClient(rotor.client.jdk.admin.GrantsApi, h, 'dialect=onboard').createGrant(new rotor.client.jdk.admin.model.CreateGrantRequest()) }
        'createGrant'      | 'a tenant of the wrong form'       | 422    | 'validation_failed' | { h -> jdkClient(rotor.client.jdk.admin.GrantsApi, h).createGrant(new rotor.client.jdk.admin.model.CreateGrantRequest().dialect(rotor.client.jdk.admin.model.Dialect.DAYZERO).subject('x').tenant('nope')) }
        'createApiKey'     | 'a body that is not JSON'          | 400    | 'invalid_request'   | { h -> jdkClient(rotor.client.jdk.admin.ApiKeysApi, h, '[').createApiKey(new rotor.client.jdk.admin.model.CreateApiKeyRequest()) }
        'createApiKey'     | 'an empty workspace_id'            | 422    | 'validation_failed' | { h -> jdkClient(rotor.client.jdk.admin.ApiKeysApi, h).createApiKey(new rotor.client.jdk.admin.model.CreateApiKeyRequest().workspaceId('')) }
        'createConnection' | 'a body that is not JSON'          | 400    | 'invalid_request'   | { h -> jdkClient(rotor.client.jdk.admin.ConnectionsApi, h, 'x').createConnection(new rotor.client.jdk.admin.model.CreateConnectionRequest()) }
        'createConnection' | 'a token_url that is not http(s)'  | 422    | 'validation_failed' | { h -> jdkClient(rotor.client.jdk.admin.ConnectionsApi, h).createConnection(new rotor.client.jdk.admin.model.CreateConnectionRequest().workspaceId('ws').tokenUrl(URI.create('ftp://x.example/t')).clientId('c').clientSecret('s').refreshToken('r')) }
        'createClient'     | 'a body that is not JSON'          | 400    | 'invalid_request'   | { h -> jdkClient(rotor.client.jdk.admin.ClientsApi, h, '{').createClient(new rotor.client.jdk.admin.model.CreateClientRequest()) }
        'createClient'     | 'a client_name over 255 characters' | 422   | 'validation_failed' | { h -> jdkClient(rotor.client.jdk.admin.ClientsApi, h).createClient(new rotor.client.jdk.admin.model.CreateClientRequest().clientName('n' * 256)) }
        'getGrant'         | 'a tokens_limit that is no integer' | 400   | 'invalid_request'   | { h -> jdkClient(rotor.client.jdk.admin.GrantsApi, h, null, 'tokens_limit=many').getGrant(UUID.randomUUID(), null, null) }
        'getGrant'         | 'a tokens_limit of 0'              | 422    | 'validation_failed' | { h -> jdkClient(rotor.client.jdk.admin.GrantsApi, h).getGrant(UUID.randomUUID(), null, 0) }
    }

    def "getGrant pages the token chain by generation: next_tokens_after until the last page"() {
        given:
        def admin = Credential.bearer(ConformanceTarget.get().adminToken)
        def created = Grants.issue(Dialect.ONBOARD)
        def token = created.refreshToken
        for (int i = 0; i < 3; i++) {
            def x = call(Credential.header('x-auth-token', token)) { onboard.refreshAccessToken() }
            token = x.json.refreshToken.token
        }

        when:
        def first = call(admin) { grants.getGrant(created.grantId, 0, 3) }
        def last = call(admin) { grants.getGrant(created.grantId, 3, 3) }

        then:
        [first, last].every { conforms(it) }
        first.json.tokens*.generation == [1, 2, 3]
        first.json.next_tokens_after == 3
        last.json.tokens*.generation == [4]
        last.json.next_tokens_after == null
    }
}
