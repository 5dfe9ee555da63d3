package rotor.conformance.checks

import rotor.conformance.Check
import rotor.conformance.ContractChecks
import rotor.conformance.negative.NegativeCase
import rotor.conformance.negative.PinnedAnswer
import rotor.conformance.negative.NegativeCase.Kind

/**
 * mielto (openapi/mielto.yaml). With the admin token, a connection's upstream is the target's own
 * /oauth2/token, or a stub on 127.0.0.1 for the failure answers (so the target must run on this
 * machine and allow private networks for those).
 */
class MieltoChecks extends ContractChecks {

    static final List<String> CONNECTION = ['mielto.api-key', 'mielto.connection-id']

    final String contract = 'mielto'

    @Override
    List<Check> checks() {
        [
                check('401: no credential is Not authenticated') {
                    def x = wire.post(refresh('conn_x'))
                    answersConform(x)
                    assert x.status == 401
                    assert x.json.detail == 'Not authenticated'
                },
                check('401: a credential that is neither an API key nor an access token of the target') {
                    def x = wire.post(refresh('conn_x'), bearer('mk_' + word(43)))
                    conforms(x)
                    assert x.status == 401
                    assert x.json.detail == 'Not authenticated'
                },
                check('400: a header over the size limit') {
                    def x = wire.post(refresh('conn_x'), bearer('k' * 9000))
                    answersConform(x)
                    assert x.status == 400
                },
                check('200: a connection refreshes', CONNECTION) {
                    def id = credentials.mieltoConnectionId()
                    def x = wire.post(refresh(id), bearer(credentials.mieltoApiKey()))
                    conforms(x)
                    assert x.status == 200
                    assert x.json.status == 'success'
                    assert x.json.connection_id == id
                    assert (x.json.expires_at as String).endsWith('Z')
                },
                check('404: an unknown connection', ['mielto.api-key']) {
                    def x = wire.post(refresh('conn_unknown' + word(8)), bearer(credentials.mieltoApiKey()))
                    conforms(x)
                    assert x.status == 404
                    assert x.json.detail == 'Connection not found'
                },
                check('422: a connection_id over 128 characters', ['mielto.api-key']) {
                    def x = wire.post(refresh('c' * 129), bearer(credentials.mieltoApiKey()))
                    answersConform(x)
                    assert x.status == 422
                    assert x.json.detail[0].type == 'string_too_long'
                },
                check('404: a connection of another workspace', [Check.ADMIN]) {
                    def other = provisioning.apiKey("ws_other_${word(12)}")
                    def x = wire.post(refresh(credentials.mieltoConnectionId()), bearer(other))
                    conforms(x)
                    assert x.status == 404
                    assert x.json.detail == 'Connection not found'
                },
                check('200 for a mielto access token of the workspace; 401 for another dialect\'s access token of the same tenant', [Check.ADMIN]) {
                    // A workspace named like a business id, so that a dayzero grant can have the same tenant.
                    def workspace = uuid().toString()
                    def id = provisioning.connectionToTheTarget(workspace)
                    def own = wire.post(refresh(id), bearer(provisioning.issue(contract, workspace).access_token as String))
                    def other = wire.post(refresh(id), bearer(provisioning.issue('dayzero', workspace).access_token as String))
                    conforms(own)
                    assert own.status == 200
                    assert own.json.connection_id == id
                    conforms(other)
                    assert other.status == 401: "a dayzero access token of tenant ${workspace}, the connection's workspace"
                    assert other.json.detail == 'Not authenticated'
                },
                upstream('409: the upstream refuses the grant', 400, '{"error":"invalid_grant"}', 409, 'Connection requires re-authorization'),
                upstream('502: the upstream fails', 503, '{"error":"unavailable"}', 502, 'Upstream token endpoint failed'),
        ]
    }

    @Override
    PinnedAnswer pinned(NegativeCase negative) {
        if (negative.is(Kind.MISSING_HEADER, 'Authorization')) {
            return answer('401 Not authenticated') { x ->
                assert x.status == 401
                assert x.json.detail == 'Not authenticated'
            }
        }
        if (negative.is(Kind.OVERSIZED_PATH, 'connection_id')) {
            return answer('422 string_too_long at [path, connection_id]') { x ->
                assert x.status == 422
                assert x.json.detail[0].type == 'string_too_long'
                assert x.json.detail[0].loc == ['path', 'connection_id']
            }
        }
        null
    }

    private Check upstream(String name, int upstreamStatus, String upstreamBody, int status, String detail) {
        check(name, [Check.ADMIN]) {
            def stub = new StubUpstream(upstreamStatus, upstreamBody)
            try {
                def id = provisioning.connection(stub.tokenUrl, 'acme', 's3cret', 'up-rt-1')
                def x = wire.post(refresh(id), bearer(credentials.mieltoApiKey()))
                conforms(x)
                assert x.status == status
                assert x.json.detail == detail
            } finally {
                stub.close()
            }
        }
    }

    private static String refresh(String connectionId) {
        "/api/v1/oauth/refresh/${connectionId}"
    }

    private static Map<String, String> bearer(String credential) {
        [Authorization: "Bearer ${credential}".toString()]
    }
}
