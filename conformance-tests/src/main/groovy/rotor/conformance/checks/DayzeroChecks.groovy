package rotor.conformance.checks

import rotor.conformance.Check
import rotor.conformance.ContractChecks
import rotor.conformance.negative.NegativeCase
import rotor.conformance.negative.PinnedAnswer
import rotor.conformance.negative.NegativeCase.Kind

/** dayzero (openapi/dayzero.yaml): every documented answer of its refresh. */
class DayzeroChecks extends ContractChecks {

    static final String REFRESH = '/api/v1/oauth2/refresh'
    static final List<String> GRANT = ['dayzero.refresh-token', 'dayzero.business-id']

    final String contract = 'dayzero'

    @Override
    List<Check> checks() {
        [
                check('401: no Bearer credential is Not authenticated with the Bearer challenge') {
                    def x = wire.post(REFRESH, ['x-business-id': uuid().toString()])
                    answersConform(x)
                    assert x.status == 401
                    assert x.json.detail == 'Not authenticated'
                    assert x.header('WWW-Authenticate') == 'Bearer'
                },
                check('422: a missing x-business-id, FastAPI\'s validation error') {
                    def x = wire.post(REFRESH, [Authorization: "Bearer ${unknownRefreshToken()}".toString()])
                    answersConform(x)
                    assert x.status == 422
                    assert x.json.detail[0].type == 'missing'
                    assert x.json.detail[0].loc == ['header', 'x-business-id']
                    assert x.json.detail[0].containsKey('input')
                },
                check('422: an x-business-id that is no UUID, FastAPI\'s validation error') {
                    def x = wire.post(REFRESH, [Authorization: "Bearer ${unknownRefreshToken()}".toString(), 'x-business-id': 'not-a-uuid'])
                    answersConform(x)
                    assert x.status == 422
                    assert x.json.detail[0].type == 'uuid_parsing'
                    assert x.json.detail[0].loc == ['header', 'x-business-id']
                },
                check('400: a header over the size limit is refused before FastAPI would see it') {
                    def x = wire.post(REFRESH, [Authorization: 'Bearer ' + 'y' * 9000, 'x-business-id': uuid().toString()])
                    answersConform(x)
                    assert x.status == 400
                    assert x.json.detail == 'Invalid HTTP request received.'
                },
                check('401: an unknown refresh token is Invalid or expired') {
                    def x = wire.post(REFRESH, [Authorization: "Bearer ${unknownRefreshToken()}".toString(), 'x-business-id': uuid().toString()])
                    conforms(x)
                    assert x.status == 401
                    assert x.json.detail == 'Invalid or expired refresh token'
                },
                check('200: a new pair, Bearer, expires_in, uncached; the access token verifies against the key set', GRANT) {
                    def token = credentials.refreshToken(contract)
                    def x = refresh(delegate, token, credentials.businessId())
                    handOn(contract, x) { it.refresh_token }
                    conforms(x)
                    assert x.status == 200
                    assert x.json.token_type == 'Bearer'
                    assert x.json.refresh_token != token
                    assert x.header('Cache-Control') == 'no-store'
                    assert verifiesAgainstKeySet(x.json.access_token as String)
                },
                check('401: a token presented under another business is unknown there and still good at home', GRANT) {
                    def token = credentials.refreshToken(contract)
                    def away = refresh(delegate, token, uuid().toString())
                    def back = refresh(delegate, token, credentials.businessId())
                    handOn(contract, back) { it.refresh_token }
                    assert away.status == 401
                    conforms(away)
                    assert back.status == 200
                },
                check('401: a reused token is refused with the invalid_token challenge, and so is the grant\'s newest token', GRANT) {
                    def business = credentials.businessId()
                    def reuse = replayTwoGenerationsBack(credentials.refreshToken(contract), { refresh(delegate, it, business) }) { it.refresh_token }
                    reuse.each { which, x ->
                        assert x.status == 401: "the ${which} token"
                        conforms(x)
                        assert x.json.detail == 'Invalid or expired refresh token'
                        assert x.header('WWW-Authenticate') == 'Bearer error="invalid_token"'
                    }
                },
        ]
    }

    @Override
    PinnedAnswer pinned(NegativeCase negative) {
        if (negative.is(Kind.MISSING_HEADER, 'x-business-id')) {
            return answer('422 missing at [header, x-business-id]') { x ->
                assert x.status == 422
                assert x.json.detail[0].type == 'missing'
                assert x.json.detail[0].loc == ['header', 'x-business-id']
            }
        }
        if ((negative.is(Kind.WRONG_HEADER) || negative.is(Kind.OVERSIZED_HEADER)) && negative.field == 'x-business-id') {
            return answer('422 uuid_parsing at [header, x-business-id]') { x ->
                assert x.status == 422
                assert x.json.detail[0].type == 'uuid_parsing'
                assert x.json.detail[0].loc == ['header', 'x-business-id']
            }
        }
        if (negative.is(Kind.MISSING_HEADER, 'Authorization')) {
            return answer('401 Not authenticated with the Bearer challenge') { x ->
                assert x.status == 401
                assert x.json.detail == 'Not authenticated'
                assert x.header('WWW-Authenticate') == 'Bearer'
            }
        }
        null
    }

    private static refresh(context, String token, String business) {
        context.wire.post(REFRESH, [Authorization: "Bearer ${token}".toString(), 'x-business-id': business])
    }
}
