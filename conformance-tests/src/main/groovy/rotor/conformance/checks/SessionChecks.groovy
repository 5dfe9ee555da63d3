package rotor.conformance.checks

import com.nimbusds.jwt.SignedJWT
import groovy.json.JsonOutput
import rotor.conformance.Check
import rotor.conformance.ContractChecks

/** session (openapi/session.yaml): every documented answer of its refresh. */
class SessionChecks extends ContractChecks {

    static final String REFRESH = '/session/token/refresh'
    static final List<String> GRANT = ['session.refresh-token']

    final String contract = 'session'

    @Override
    List<Check> checks() {
        [
                refused('400 code 40001: an empty refresh_token', { '' }, 400, 40001),
                refused('400 code 40001: a refresh_token that is no JWT', { 'rtr_abc' }, 400, 40001),
                check('4xx, never 5xx: a body that is not the gzip its Content-Encoding names') {
                    def x = wire.post(REFRESH, ['Content-Type': 'application/json', 'Content-Encoding': 'gzip'],
                            JsonOutput.toJson([refresh_token: 'eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl']))
                    answersConform(x) // the request breaks the contract on purpose
                    assert x.status >= 400 && x.status < 500
                },
                check('200: the envelope with code 0 and a JWT pair typed access and refresh', GRANT) {
                    def x = refresh(delegate, credentials.refreshToken(contract))
                    handOn(contract, x) { it.data?.refresh_token }
                    conforms(x)
                    assert x.status == 200
                    assert x.json.code == 0
                    assert x.json.msg == ''
                    assert SignedJWT.parse(x.json.data.refresh_token as String).JWTClaimsSet.getClaim('token_type') == 'refresh'
                    assert x.header('Cache-Control') == 'no-store'
                    assert verifiesAgainstKeySet(x.json.data.access_token as String)
                },
                check('401 code 40101: a reused token, and then the grant\'s newest token, with a correlation id in body and header', GRANT) {
                    def reuse = replayTwoGenerationsBack(credentials.refreshToken(contract), { refresh(delegate, it) }) { it.data?.refresh_token }
                    reuse.each { which, x ->
                        assert x.status == 401: "the ${which} token"
                        conforms(x)
                        assert x.json.code == 40101
                        assert x.json.data == null
                        assert x.json.correlation_id == x.header('X-Correlation-Id')
                    }
                },
        ]
    }

    private Check refused(String name, Closure<String> token, int status, int code) {
        check(name + ', with a correlation id in body and header') {
            def x = refresh(delegate, token.call(delegate))
            conforms(x)
            assert x.status == status
            assert x.json.code == code
            assert x.json.data == null
            assert x.json.correlation_id == x.header('X-Correlation-Id')
        }
    }

    private static refresh(context, String token) {
        context.wire.postJson(REFRESH, [:], [refresh_token: token])
    }
}
