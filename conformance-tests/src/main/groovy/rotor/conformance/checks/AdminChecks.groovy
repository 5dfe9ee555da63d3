package rotor.conformance.checks

import rotor.conformance.Check
import rotor.conformance.ContractChecks
import rotor.conformance.negative.NegativeCase
import rotor.conformance.negative.PinnedAnswer
import rotor.conformance.negative.NegativeCase.Kind

/**
 * The admin contract (openapi/admin.yaml): every operation, every documented answer. All of it
 * needs the admin token. Against a deployed server the key rotation and the retention run are
 * real: harmless by design (the old key keeps verifying; retention deletes only what the
 * server's own job would).
 */
class AdminChecks extends ContractChecks {

    static final List<String> ADMIN = [Check.ADMIN]
    static final String CONNECTION = '{"workspace_id":"ws_conformance","token_url":"https://upstream.example/token","client_id":"acme","client_secret":"upstream-secret-value","refresh_token":"upstream-refresh-value"}'

    /** Every operation with a request the admin token would make valid, for the 401 checks. */
    static final Map<String, List<String>> OPERATIONS = [
            createGrant        : ['POST', '/admin/v1/grants', '{"dialect":"onboard","subject":"x"}'],
            getGrant           : ['GET', '/admin/v1/grants/3f2b8c1e-7a4d-4e5f-9b6a-2c1d0e9f8a7b', null],
            revokeGrant        : ['DELETE', '/admin/v1/grants/3f2b8c1e-7a4d-4e5f-9b6a-2c1d0e9f8a7b', null],
            createApiKey       : ['POST', '/admin/v1/api-keys', '{"workspace_id":"ws"}'],
            createConnection   : ['POST', '/admin/v1/connections', CONNECTION],
            getConnection      : ['GET', '/admin/v1/connections/conn_x', null],
            createClient       : ['POST', '/admin/v1/clients', '{}'],
            deleteApiKey       : ['DELETE', '/admin/v1/api-keys/3f2b8c1e-7a4d-4e5f-9b6a-2c1d0e9f8a7b', null],
            deleteClient       : ['DELETE', '/admin/v1/clients/c_x', null],
            deleteConnection   : ['DELETE', '/admin/v1/connections/conn_x', null],
            revokeSubjectGrants: ['DELETE', '/admin/v1/subjects/default/x/grants', null],
            rotateSigningKey   : ['POST', '/admin/v1/keys/rotate', null],
            runRetention       : ['POST', '/admin/v1/retention/run', null],
    ]

    final String contract = 'admin'

    @Override
    List<Check> checks() {
        [
                check('grants: 201 issued and uncached, 200 shown with its chain, 204 revoked, 200 shown revoked', ADMIN) {
                    def created = wire.postJson('/admin/v1/grants', admin(), [dialect: 'onboard', subject: 'carol', scope: 'read'])
                    def id = created.json.grant_id
                    def shown = wire.get("/admin/v1/grants/${id}", admin())
                    def revoked = wire.delete("/admin/v1/grants/${id}", admin())
                    def after = wire.get("/admin/v1/grants/${id}", admin())
                    [created, shown, revoked, after].each { conforms(it) }
                    assert created.status == 201
                    assert created.header('Cache-Control') == 'no-store'
                    assert shown.status == 200
                    assert shown.json.status == 'active'
                    assert shown.json.tokens*.generation == [1]
                    assert !shown.responseBody.contains(created.json.refresh_token as String)
                    assert revoked.status == 204
                    assert after.json.status == 'revoked'
                    assert after.json.revoked_reason == 'admin'
                },
                check('api keys, connections and clients: 201, and a connection is shown without a secret', ADMIN) {
                    def key = wire.postJson('/admin/v1/api-keys', admin(), [workspace_id: 'ws_conformance'])
                    def client = wire.postJson('/admin/v1/clients', admin(), [client_name: 'conformance'])
                    def connection = wire.postJson('/admin/v1/connections', admin(), CONNECTION)
                    def shown = wire.get("/admin/v1/connections/${connection.json.connection_id}", admin())
                    [key, client, connection, shown].each { conforms(it) }
                    assert key.status == 201
                    assert (key.json.api_key as String).length() > 32
                    assert client.status == 201
                    assert client.json.client_secret != null
                    assert connection.status == 201
                    assert shown.status == 200
                    assert shown.json.status == 'active'
                    assert !shown.responseBody.contains('upstream-secret-value') && !shown.responseBody.contains('upstream-refresh-value')
                },
                check('api keys, clients and connections: 204 deleted, then 404 to delete again', ADMIN) {
                    def key = wire.postJson('/admin/v1/api-keys', admin(), [workspace_id: 'ws_conformance']).json
                    def client = wire.postJson('/admin/v1/clients', admin(), [client_name: 'conformance']).json
                    def connection = wire.postJson('/admin/v1/connections', admin(), CONNECTION).json
                    def paths = ["/admin/v1/api-keys/${key.api_key_id}", "/admin/v1/clients/${client.client_id}", "/admin/v1/connections/${connection.connection_id}"]
                    def deletions = paths.collect { wire.delete(it as String, admin()) }
                    def again = paths.collect { wire.delete(it as String, admin()) }
                    def shown = wire.get("/admin/v1/connections/${connection.connection_id}", admin())
                    (deletions + again + [shown]).each { conforms(it) }
                    assert deletions*.status == [204, 204, 204]
                    assert again*.status == [404, 404, 404]
                    assert again.every { it.json.error == 'not_found' }
                    assert shown.status == 404
                },
                check('subjects: 200 with how many live grants were revoked, in every dialect, then 200 with 0', ADMIN) {
                    def subject = "subject-${uuid()}"
                    def issued = ['onboard', 'session'].collect { wire.postJson('/admin/v1/grants', admin(), [dialect: it, subject: subject]).json }
                    def revoked = wire.delete("/admin/v1/subjects/default/${subject}/grants", admin())
                    def again = wire.delete("/admin/v1/subjects/default/${subject}/grants", admin())
                    def shown = issued.collect { wire.get("/admin/v1/grants/${it.grant_id}", admin()).json }
                    [revoked, again].each { conforms(it) }
                    assert revoked.status == 200
                    assert revoked.json.revoked == 2
                    assert again.status == 200
                    assert again.json.revoked == 0
                    assert shown*.status == ['revoked', 'revoked']
                },
                check('getGrant pages the token chain by generation: next_tokens_after until the last page', ADMIN) {
                    def created = provisioning.issue('onboard')
                    def token = created.refresh_token
                    3.times {
                        def x = wire.post(OnboardChecks.REFRESH, ['x-auth-token': token as String])
                        conforms(x)
                        token = x.json.refreshToken.token
                    }
                    def first = wire.get("/admin/v1/grants/${created.grant_id}", admin(), 'tokens_after=0&tokens_limit=3')
                    def last = wire.get("/admin/v1/grants/${created.grant_id}", admin(), 'tokens_after=3&tokens_limit=3')
                    [first, last].each { conforms(it) }
                    assert first.json.tokens*.generation == [1, 2, 3]
                    assert first.json.next_tokens_after == 3
                    assert last.json.tokens*.generation == [4]
                    assert last.json.next_tokens_after == null
                },
                check('rotateSigningKey: 200 with the new kid and when it signs', ADMIN) {
                    def rotated = wire.post('/admin/v1/keys/rotate', admin())
                    conforms(rotated)
                    assert rotated.status == 200
                    assert rotated.json.kid
                },
                check('runRetention: 200 with what it deleted', ADMIN) {
                    def run = wire.post('/admin/v1/retention/run', admin())
                    conforms(run)
                    assert run.status == 200
                    assert run.json.grants >= 0
                },
        ] + OPERATIONS.collect { operation, request ->
            check("401 with the Bearer challenge for a wrong admin token, on ${operation}", ADMIN) {
                def (method, path, body) = request
                def x = wire.send(method, path, null, [Authorization: 'Bearer not-the-admin-token', 'Content-Type': body ? 'application/json' : null], body)
                answersConform(x)
                assert x.status == 401
                assert x.json.error == 'unauthorized'
                assert x.header('WWW-Authenticate') == 'Bearer'
            }
        } + [
                notFound('grant to show', 'GET', "/admin/v1/grants/${UUID.nameUUIDFromBytes('unknown'.bytes)}"),
                notFound('grant to revoke', 'DELETE', "/admin/v1/grants/${UUID.nameUUIDFromBytes('unknown'.bytes)}"),
                notFound('connection', 'GET', '/admin/v1/connections/conn_unknown'),
                notFound('API key to delete', 'DELETE', "/admin/v1/api-keys/${UUID.nameUUIDFromBytes('unknown'.bytes)}"),
                notFound('client to delete', 'DELETE', '/admin/v1/clients/c_unknown'),
                notFound('connection to delete', 'DELETE', '/admin/v1/connections/conn_unknown'),
                refused('createGrant', 'a body that is not JSON', 'POST', '/admin/v1/grants', 'dialect=onboard', 400, 'invalid_request'),
                refused('createGrant', 'a tenant of the wrong form', 'POST', '/admin/v1/grants', '{"dialect":"dayzero","subject":"x","tenant":"nope"}', 422, 'validation_failed'),
                refused('createGrant', 'a number for subject, which is no string', 'POST', '/admin/v1/grants', '{"dialect":"onboard","subject":1}', 400, 'invalid_request'),
                refused('createGrant', 'a dialect the contract does not list', 'POST', '/admin/v1/grants', '{"dialect":"saml","subject":"x"}', 422, 'validation_failed'),
                refused('createApiKey', 'a body that is not JSON', 'POST', '/admin/v1/api-keys', '[', 400, 'invalid_request'),
                refused('createApiKey', 'an empty workspace_id', 'POST', '/admin/v1/api-keys', '{"workspace_id":""}', 422, 'validation_failed'),
                refused('createConnection', 'a body that is not JSON', 'POST', '/admin/v1/connections', 'x', 400, 'invalid_request'),
                refused('createConnection', 'a token_url that is not http(s)', 'POST', '/admin/v1/connections',
                        '{"workspace_id":"ws","token_url":"ftp://x.example/t","client_id":"c","client_secret":"s","refresh_token":"r"}', 422, 'validation_failed'),
                refused('createClient', 'a body that is not JSON', 'POST', '/admin/v1/clients', '{', 400, 'invalid_request'),
                refused('createClient', 'a client_name over 255 characters', 'POST', '/admin/v1/clients', "{\"client_name\":\"${'n' * 256}\"}", 422, 'validation_failed'),
                refused('getGrant', 'a tokens_limit that is no integer', 'GET', "/admin/v1/grants/${UUID.nameUUIDFromBytes('unknown'.bytes)}?tokens_limit=many", null, 400, 'invalid_request'),
                refused('getGrant', 'a tokens_limit of 0', 'GET', "/admin/v1/grants/${UUID.nameUUIDFromBytes('unknown'.bytes)}?tokens_limit=0", null, 422, 'validation_failed'),
        ]
    }

    /** The errors the admin contract's description lists, by fault. */
    @Override
    PinnedAnswer pinned(NegativeCase negative) {
        if (negative.is(Kind.MISSING_HEADER, 'Authorization')) {
            return error(401, 'unauthorized')
        }
        if (negative.kind in [Kind.WRONG_JSON_TYPE, Kind.WRONG_MEDIA_TYPE, Kind.NOT_AN_OBJECT, Kind.NOT_ONE_VALUE]) {
            return error(400, 'invalid_request') // not JSON, not an object, or a field of the wrong JSON type
        }
        // A required field missing, or a string over its bounds (every string of this contract has a maxLength, an enum or a format).
        if (negative.kind in [Kind.MISSING_FIELD, Kind.OVERSIZED_FIELD]) {
            def field = negative.field
            return answer("422 validation_failed naming ${field}") { x ->
                assert x.status == 422
                assert x.json.error == 'validation_failed'
                assert (x.json.violations as List)*.field.contains(field)
            }
        }
        null
    }

    private Check notFound(String what, String method, String path) {
        check("404 for an unknown ${what}", ADMIN) {
            def x = wire.send(method, path, null, admin(), null)
            conforms(x)
            assert x.status == 404
            assert x.json.error == 'not_found'
        }
    }

    private Check refused(String operation, String why, String method, String pathAndQuery, String body, int status, String error) {
        check("${status} on ${operation}: ${why}", ADMIN) {
            def (path, query) = pathAndQuery.split('\\?', 2) as List
            def x = wire.send(method, path, query, admin() + (body != null ? ['Content-Type': 'application/json'] : [:]), body)
            answersConform(x)
            assert x.status == status
            assert x.json.error == error
        }
    }
}
