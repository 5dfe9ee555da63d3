package rotor.conformance.checks

import rotor.conformance.Check
import rotor.conformance.ContractChecks
import rotor.conformance.negative.NegativeCase
import rotor.conformance.negative.PinnedAnswer
import rotor.conformance.negative.NegativeCase.Kind

/** onboard (openapi/onboard.yaml): every documented answer of its refresh. */
class OnboardChecks extends ContractChecks {

    static final String REFRESH = '/auth/oauth/refresh-token'
    static final List<String> GRANT = ['onboard.refresh-token']

    final String contract = 'onboard'

    @Override
    List<Check> checks() {
        [
                refused('401 AUTH_TOKEN_MISSING: no x-auth-token header', { null }, 401, 'AUTH_TOKEN_MISSING', false),
                refused('400 MALFORMED_TOKEN: a header that is not a token of the target', { 'not a token' }, 400, 'MALFORMED_TOKEN', true),
                refused('400 BAD_REQUEST: a header over the size limit', { 'o' * 9000 }, 400, 'BAD_REQUEST', false),
                refused('401 REFRESH_TOKEN_INVALID: an unknown token', { it.unknownRefreshToken() }, 401, 'REFRESH_TOKEN_INVALID', true),
                check('200: userId and both tokens with their expiries, uncached', GRANT) {
                    def token = credentials.refreshToken(contract)
                    def x = wire.post(REFRESH, ['x-auth-token': token])
                    handOn(contract, x) { it.refreshToken?.token }
                    conforms(x)
                    assert x.status == 200
                    assert x.json.userId
                    assert x.json.refreshToken.token != token
                    assert x.header('Cache-Control') == 'no-store'
                    assert verifiesAgainstKeySet(x.json.accessToken.token as String)
                },
                check('403 REFRESH_TOKEN_REVOKED: a token of a grant the admin revoked', [Check.ADMIN]) {
                    def grant = provisioning.issue(contract)
                    conforms(wire.delete("/admin/v1/grants/${grant.grant_id}", admin()))
                    def x = wire.post(REFRESH, ['x-auth-token': grant.refresh_token as String])
                    conforms(x)
                    assert x.status == 403
                    assert x.json.code == 'REFRESH_TOKEN_REVOKED'
                },
                check('403 REFRESH_TOKEN_REVOKED: a reused token, and then the grant\'s newest token', GRANT) {
                    def reuse = replayTwoGenerationsBack(credentials.refreshToken(contract), { wire.post(REFRESH, ['x-auth-token': it]) }) {
                        it.refreshToken?.token
                    }
                    reuse.each { which, x ->
                        assert x.status == 403: "the ${which} token"
                        conforms(x)
                        assert x.json.code == 'REFRESH_TOKEN_REVOKED'
                    }
                },
        ]
    }

    @Override
    PinnedAnswer pinned(NegativeCase negative) {
        negative.is(Kind.MISSING_HEADER, 'x-auth-token') ? answer('401 AUTH_TOKEN_MISSING') { x ->
            assert x.status == 401
            assert x.json.code == 'AUTH_TOKEN_MISSING'
        } : null
    }

    private Check refused(String name, Closure<String> header, int status, String code, boolean validRequest) {
        check(name) {
            def x = wire.post(REFRESH, ['x-auth-token': header.call(delegate)])
            validRequest ? conforms(x) : answersConform(x)
            assert x.status == status
            assert x.json.code == code
        }
    }
}
