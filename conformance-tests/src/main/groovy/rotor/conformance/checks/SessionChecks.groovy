package rotor.conformance.checks

import com.nimbusds.jwt.SignedJWT
import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import rotor.conformance.Check
import rotor.conformance.ContractChecks
import rotor.conformance.Exchange
import rotor.conformance.negative.NegativeCase
import rotor.conformance.negative.PinnedAnswer

/** session (openapi/session.yaml): every documented answer of its refresh. */
class SessionChecks extends ContractChecks {

    static final String REFRESH = '/session/token/refresh'
    static final List<String> GRANT = ['session.refresh-token']
    /** Six digits of microseconds, whatever their values, and an RFC 3339 offset (Z, or numeric as the seed's). */
    static final def SEED_DATE_TIME = ~/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}(?:Z|[+-]\d\d:\d\d)/

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
                    // CONTRACTS: "date-times with offset and microseconds", as the seed's 2025-04-26T15:58:28.456762+08:00
                    assert x.json.data.access_expires ==~ SEED_DATE_TIME
                    assert x.json.data.refresh_expires ==~ SEED_DATE_TIME
                    assert x.header('Cache-Control') == 'no-store'
                    assert verifiesAgainstKeySet(x.json.data.access_token as String)
                },
                check('401 code 40101: the live token with a forged signature, with alg none, with an unknown kid; the genuine token still refreshes', GRANT) {
                    def token = credentials.refreshToken(contract)
                    def (header, payload, signature) = token.split('\\.', -1) as List<String>
                    def headerJson = new JsonSlurper().parse(Base64.urlDecoder.decode(header)) as Map
                    def encode = { Map json -> Base64.urlEncoder.withoutPadding().encodeToString(JsonOutput.toJson(json).getBytes('UTF-8')) }
                    def forgeries = [
                            'a forged signature': "${header}.${payload}.${Base64.urlEncoder.withoutPadding().encodeToString(word(32).bytes)}",
                            'alg none'          : "${encode(headerJson + [alg: 'none'])}.${payload}.",
                            'alg none, its signature kept': "${encode(headerJson + [alg: 'none'])}.${payload}.${signature}",
                            'an unknown kid'    : "${encode(headerJson + [kid: 'unknown-' + word(12)])}.${payload}.${signature}",
                    ]
                    def answers = forgeries.collectEntries { what, forged -> [what, refresh(delegate, forged as String)] }
                    def genuine = refresh(delegate, token)
                    handOn(contract, genuine) { it.data?.refresh_token }
                    answers.each { what, Exchange x ->
                        assert x.status == 401: "the token with ${what}"
                        conforms(x)
                        assert x.json.code == 40101
                        assert x.json.correlation_id == x.header('X-Correlation-Id')
                    }
                    assert genuine.status == 200: 'the genuine token, after the forgeries were refused'
                    conforms(genuine)
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

    /**
     * Every fault of the body is a malformed request (CONTRACTS.md: missing refresh_token or
     * malformed JSON, and a refresh_token that is no JWT); JSON sent as text/plain is left to any
     * documented answer, since CONTRACTS.md does not say a server must mind the media type.
     */
    @Override
    PinnedAnswer pinned(NegativeCase negative) {
        negative.ofTheBody && negative.kind != NegativeCase.Kind.WRONG_MEDIA_TYPE ? answer('400 code 40001 with a correlation id') { x ->
            assert x.status == 400
            assert x.json.code == 40001
            assert x.json.data == null
            assert x.json.correlation_id == x.header('X-Correlation-Id')
        } : null
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
