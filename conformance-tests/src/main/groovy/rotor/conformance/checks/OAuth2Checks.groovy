package rotor.conformance.checks

import rotor.conformance.Check
import rotor.conformance.ContractChecks
import rotor.conformance.negative.NegativeCase
import rotor.conformance.negative.PinnedAnswer
import rotor.conformance.negative.NegativeCase.Kind

/** The standard contract (openapi/oauth2.yaml): token, revocation, introspection, metadata, key set. */
class OAuth2Checks extends ContractChecks {

    static final List<String> CLIENT = ['oauth2.client-id', 'oauth2.client-secret']
    static final List<String> GRANT = CLIENT + ['oauth2.refresh-token']

    final String contract = 'oauth2'

    @Override
    List<Check> checks() {
        [
                check('metadata 200 (RFC 8414) and the key set 200 (RFC 7517), no private key in it') {
                    def metadata = wire.get('/.well-known/oauth-authorization-server')
                    def jwks = wire.get('/.well-known/jwks.json')
                    conforms(metadata)
                    conforms(jwks)
                    assert metadata.status == 200
                    assert metadata.json.grant_types_supported == ['refresh_token']
                    assert (metadata.json.token_endpoint as String).endsWith('/oauth2/token')
                    assert jwks.status == 200
                    assert !(jwks.json.keys as List).empty
                    assert (jwks.json.keys as List).every { !it.containsKey('d') }
                },
                check('metadata states its endpoints under its issuer, whatever Host and X-Forwarded-* headers a caller sends') {
                    def forged = wire.get('/.well-known/oauth-authorization-server',
                            ['X-Forwarded-Host': 'forged.invalid', 'X-Forwarded-Proto': 'https', Forwarded: 'host=forged.invalid;proto=https'])
                    conforms(forged)
                    assert forged.status == 200
                    def issuer = (forged.json.issuer as String).replaceAll('/$', '')
                    def endpoints = [forged.json.token_endpoint, forged.json.jwks_uri, forged.json.revocation_endpoint,
                                     forged.json.introspection_endpoint].findAll { it != null }
                    assert endpoints.every { (it as String).startsWith(issuer + '/') && !(it as String).contains('forged.invalid') }
                },
                check('token 400 invalid_request: a parameter repeated (RFC 6749 sections 3.2 and 5.2)', CLIENT) {
                    def x = wire.post('/oauth2/token', ['Content-Type': 'application/x-www-form-urlencoded'] + client(delegate),
                            'grant_type=refresh_token&grant_type=refresh_token&refresh_token=' + unknownRefreshToken())
                    answersConform(x) // the request breaks the contract on purpose
                    assert x.status == 400
                    assert x.json.error == 'invalid_request'
                },
                check('token 401 invalid_client with the Basic challenge for a wrong secret', ['oauth2.client-id']) {
                    wrongSecret(delegate, wire.postForm('/oauth2/token', basic(credentials.oauth2Client().id, 'wrong'),
                            [grant_type: 'refresh_token', refresh_token: 'rtr_x']))
                },
                check('revoke 401 invalid_client with the Basic challenge for a wrong secret', ['oauth2.client-id']) {
                    wrongSecret(delegate, wire.postForm('/oauth2/revoke', basic(credentials.oauth2Client().id, 'wrong'), [token: 'rtr_x']))
                },
                check('introspect 401 invalid_client with the Basic challenge for a wrong secret', ['oauth2.client-id']) {
                    wrongSecret(delegate, wire.postForm('/oauth2/introspect', basic(credentials.oauth2Client().id, 'wrong'), [token: 'rtr_x']))
                },
                check('token 4xx, never 5xx: a form that is not the gzip its Content-Encoding names', CLIENT) {
                    def x = wire.post('/oauth2/token', ['Content-Type': 'application/x-www-form-urlencoded', 'Content-Encoding': 'gzip'] + client(delegate),
                            'grant_type=refresh_token&refresh_token=' + unknownRefreshToken())
                    answersConform(x) // the request breaks the contract on purpose
                    assert x.status >= 400 && x.status < 500
                },
                check('token 400 unsupported_grant_type: a grant type other than refresh', CLIENT) {
                    def x = wire.postForm('/oauth2/token', client(delegate), [grant_type: 'password', refresh_token: unknownRefreshToken()])
                    conforms(x)
                    assert x.status == 400
                    assert x.json.error == 'unsupported_grant_type'
                },
                check('revoke 400 unsupported_token_type', CLIENT) {
                    def x = wire.postForm('/oauth2/revoke', client(delegate), [token: 'rtr_x', token_type_hint: 'id_token'])
                    conforms(x)
                    assert x.status == 400
                    assert x.json.error == 'unsupported_token_type'
                },
                check('introspect 400 invalid_request without a token', CLIENT) {
                    def x = wire.postForm('/oauth2/introspect', client(delegate), [token_type_hint: 'access_token'])
                    answersConform(x)
                    assert x.status == 400
                    assert x.json.error == 'invalid_request'
                },
                check('token 400 invalid_scope: a scope wider than the grant\'s', [Check.ADMIN]) {
                    def x = refreshWithScope(delegate, 'admin')
                    conforms(x)
                    assert x.status == 400
                    assert x.json.error == 'invalid_scope'
                },
                check('token 200 with a narrowed scope', [Check.ADMIN]) {
                    def x = refreshWithScope(delegate, 'read')
                    conforms(x)
                    assert x.status == 200
                    assert x.json.scope == 'read'
                },
                check('token 200 with Basic, then with form client authentication (rotation); introspect 200 active', GRANT) {
                    def registered = credentials.oauth2Client()
                    def first = wire.postForm('/oauth2/token', client(delegate), [grant_type: 'refresh_token', refresh_token: credentials.refreshToken(contract)])
                    handOn(contract, first) { it.refresh_token }
                    conforms(first)
                    assert first.status == 200
                    def second = wire.postForm('/oauth2/token', [:], [grant_type: 'refresh_token', refresh_token: first.json.refresh_token as String,
                                                                       client_id: registered.id, client_secret: registered.secret])
                    handOn(contract, second) { it.refresh_token }
                    conforms(second)
                    assert second.status == 200
                    assert first.header('Cache-Control') == 'no-store'
                    assert verifiesAgainstKeySet(second.json.access_token as String)
                    def active = wire.postForm('/oauth2/introspect', client(delegate), [token: second.json.access_token as String, token_type_hint: 'access_token'])
                    conforms(active)
                    assert active.json.active == true
                    assert active.json.client_id == registered.id
                },
                check('revoke 200, then introspect inactive; the revoked token is invalid_grant', GRANT) {
                    def token = credentials.refreshToken(contract)
                    def refreshed = wire.postForm('/oauth2/token', client(delegate), [grant_type: 'refresh_token', refresh_token: token])
                    conforms(refreshed)
                    assert refreshed.status == 200
                    def revoked = wire.postForm('/oauth2/revoke', client(delegate), [token: refreshed.json.refresh_token as String, token_type_hint: 'refresh_token'])
                    def inactive = wire.postForm('/oauth2/introspect', client(delegate), [token: refreshed.json.access_token as String])
                    def replay = wire.postForm('/oauth2/token', client(delegate), [grant_type: 'refresh_token', refresh_token: refreshed.json.refresh_token as String])
                    [revoked, inactive, replay].each { conforms(it) }
                    assert revoked.status == 200
                    assert inactive.json == [active: false]
                    assert replay.status == 400
                    assert replay.json.error == 'invalid_grant'
                },
                check('token 400 invalid_grant: a reused refresh token, and then the grant\'s newest token (RFC 9700 section 4.14.2)', GRANT) {
                    def reuse = replayTwoGenerationsBack(credentials.refreshToken(contract),
                            { wire.postForm('/oauth2/token', client(delegate), [grant_type: 'refresh_token', refresh_token: it]) }) { it.refresh_token }
                    reuse.each { which, x ->
                        assert x.status == 400: "the ${which} token"
                        conforms(x)
                        assert x.json.error == 'invalid_grant'
                    }
                },
        ]
    }

    @Override
    PinnedAnswer pinned(NegativeCase negative) {
        def token = negative.operationId == 'token'
        if (negative.field in ['client_id', 'client_secret'] && negative.is(Kind.OVERSIZED_FIELD)) {
            // RFC 6749 section 5.2: no such client is invalid_client (401 where the client used
            // Authorization, as the case's base request does); a body credential beside it is also
            // "more than one mechanism", which is invalid_request.
            return answer('401 invalid_client, or 400 invalid_request') { x ->
                assert [x.status, x.json.error] in [[401, 'invalid_client'], [400, 'invalid_request']]
            }
        }
        if (negative.is(Kind.MISSING_FIELD) || negative.is(Kind.WRONG_MEDIA_TYPE)) {
            return error(400, 'invalid_request') // a required parameter missing, or no form at all
        }
        if (token && negative.is(Kind.OVERSIZED_FIELD, 'grant_type')) {
            return error(400, 'unsupported_grant_type')
        }
        if (token && negative.is(Kind.OVERSIZED_FIELD, 'refresh_token')) {
            // A refresh token the server does not know is invalid_grant; a server may also call one
            // over its length limit malformed (RFC 6749 section 5.2).
            return answer('400 invalid_grant or invalid_request') { x ->
                assert x.status == 400
                assert x.json.error in ['invalid_grant', 'invalid_request']
            }
        }
        if (negative.operationId == 'revoke' && negative.is(Kind.OVERSIZED_FIELD, 'token')) {
            // RFC 7009 section 2.2: an invalid token is no error to the client.
            return answer('200') { x -> assert x.status == 200 }
        }
        if (negative.operationId == 'introspect' && negative.field in ['token', 'token_type_hint'] && negative.is(Kind.OVERSIZED_FIELD)) {
            // RFC 7662 section 2.2: a token the server does not know is inactive, whatever the hint.
            return answer('200 active false') { x ->
                assert x.status == 200
                assert x.json == [active: false]
            }
        }
        null
    }

    /** A refresh of a new grant (scope "read write") asking for this scope. */
    private static refreshWithScope(context, String scope) {
        context.wire.postForm('/oauth2/token', client(context),
                [grant_type: 'refresh_token', refresh_token: context.credentials.refreshToken('oauth2'), scope: scope])
    }

    private static void wrongSecret(context, x) {
        context.conforms(x)
        assert x.status == 401
        assert x.json.error == 'invalid_client'
        assert x.header('WWW-Authenticate')?.startsWith('Basic ')
    }

    /** client_secret_basic with the run's client. */
    private static Map<String, String> client(context) {
        def registered = context.credentials.oauth2Client()
        basic(registered.id, registered.secret)
    }

    private static Map<String, String> basic(String id, String secret) {
        [Authorization: 'Basic ' + "${id}:${secret}".bytes.encodeBase64().toString()]
    }
}
