package rotor.conformance.checks

import groovy.json.JsonOutput
import rotor.conformance.Check
import rotor.conformance.ContractChecks
import rotor.conformance.negative.NegativeCase
import rotor.conformance.negative.PinnedAnswer
import rotor.conformance.negative.NegativeCase.Kind

/** partner (openapi/partner.yaml): every documented answer of its token endpoint. */
class PartnerChecks extends ContractChecks {

    static final String TOKEN = '/v1/auth/token'
    static final List<String> GRANT = ['partner.refresh-token', 'partner.partner-id']

    final String contract = 'partner'

    @Override
    List<Check> checks() {
        [
                refused('400 invalid_request: an empty refreshToken', '7', 'refresh_token', '', true,
                        'invalid_request', 'Missing refresh token.'),
                refused('400 invalid_request: a partnerId that is not an int32', 'seven', 'refresh_token', null, false,
                        'invalid_request', 'The partnerId header is required and must be an integer.'),
                refused('400 unsupported_grant_type: a grantType other than refresh', '7', 'password', null, true,
                        'unsupported_grant_type', 'The grantType header must be refresh_token.'),
                refused('400 invalid_grant: an unknown refresh token', '7', 'refresh_token', null, true,
                        'invalid_grant', 'Refresh token has expired or is invalid.'),
                check('4xx, never 5xx: a body that is not the gzip its Content-Encoding names') {
                    def x = wire.post(TOKEN, [partnerId: '7', grantType: 'refresh_token', 'Content-Type': 'application/json',
                                              'Content-Encoding': 'gzip'], JsonOutput.toJson([refreshToken: unknownRefreshToken()]))
                    answersConform(x) // the request breaks the contract on purpose
                    assert x.status >= 400 && x.status < 500
                },
                check('200: the new pair, a 24 h access token, Bearer, uncached', GRANT) {
                    def token = credentials.refreshToken(contract)
                    def x = refresh(delegate, credentials.partnerId() as String, token)
                    handOn(contract, x) { it.refresh_token }
                    conforms(x)
                    assert x.status == 200
                    assert x.json.expires_in == 86400
                    assert x.json.token_type == 'Bearer'
                    assert x.header('Cache-Control') == 'no-store'
                    assert verifiesAgainstKeySet(x.json.access_token as String)
                },
                check('400 invalid_grant: another partner\'s refresh token, still good at home', GRANT) {
                    def token = credentials.refreshToken(contract)
                    def away = refresh(delegate, (credentials.partnerId() + 1) as String, token)
                    def home = refresh(delegate, credentials.partnerId() as String, token)
                    handOn(contract, home) { it.refresh_token }
                    assert away.status == 400
                    conforms(away)
                    assert home.status == 200
                    assert away.json.error == 'invalid_grant'
                    assert away.json.error_description == 'Refresh token has expired or is invalid.'
                },
                check('400 invalid_grant: a reused refresh token, and then the grant\'s newest token', GRANT) {
                    def partner = credentials.partnerId() as String
                    def reuse = replayTwoGenerationsBack(credentials.refreshToken(contract), { refresh(delegate, partner, it) }) { it.refresh_token }
                    reuse.each { which, x ->
                        assert x.status == 400: "the ${which} token"
                        conforms(x)
                        assert x.json.error == 'invalid_grant'
                        assert x.json.error_description == 'Refresh token has expired or is invalid.'
                    }
                },
        ]
    }

    @Override
    PinnedAnswer pinned(NegativeCase negative) {
        if (negative.field == 'partnerId' && negative.kind in [Kind.MISSING_HEADER, Kind.WRONG_HEADER, Kind.OVERSIZED_HEADER]) {
            return answer('400 invalid_request naming partnerId') { x ->
                assert x.status == 400
                assert x.json.error == 'invalid_request'
                assert (x.json.error_description as String).contains('partnerId')
            }
        }
        if (negative.is(Kind.OVERSIZED_HEADER, 'grantType')) {
            return error(400, 'unsupported_grant_type')
        }
        if (negative.is(Kind.MISSING_FIELD, 'refreshToken')) {
            return answer('400 invalid_request, Missing refresh token.') { x ->
                assert x.status == 400
                assert x.json.error == 'invalid_request'
                assert x.json.error_description == 'Missing refresh token.'
            }
        }
        // A body that is not JSON, not an object, or has a field of the wrong type: a malformed request, never coerced.
        // (JSON sent as text/plain is left to any documented answer: CONTRACTS.md does not say a server must mind the media type.)
        if (negative.kind in [Kind.WRONG_JSON_TYPE, Kind.NOT_AN_OBJECT, Kind.NOT_ONE_VALUE]) {
            return error(400, 'invalid_request')
        }
        if (negative.is(Kind.OVERSIZED_FIELD, 'refreshToken')) {
            return error(400, 'invalid_grant') // no such token
        }
        null
    }

    private Check refused(String name, String partnerId, String grantType, String token, boolean validRequest, String error, String description) {
        check(name) {
            def x = refresh(delegate, partnerId, token == null ? unknownRefreshToken() : token, grantType)
            validRequest ? conforms(x) : answersConform(x)
            assert x.status == 400
            assert x.json.error == error
            assert x.json.error_description == description
        }
    }

    private static refresh(context, String partnerId, String token, String grantType = 'refresh_token') {
        context.wire.postJson(TOKEN, [partnerId: partnerId, grantType: grantType], [refreshToken: token])
    }
}
