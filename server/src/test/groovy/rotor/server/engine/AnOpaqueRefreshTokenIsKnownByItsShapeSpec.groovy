package rotor.server.engine

import spock.lang.Specification

import java.util.regex.Pattern

/**
 * rtr_ and 43 base64url characters is one of ours; anything else is no token of ours, and onboard
 * answers it MALFORMED_TOKEN. The rule is a loop on the hot path; the pattern here says it once more.
 */
class AnOpaqueRefreshTokenIsKnownByItsShapeSpec extends Specification {

    static final Pattern SHAPE = Pattern.compile('rtr_[A-Za-z0-9_-]{43}')
    static final String BODY = 'AZaz09-_' * 5 + 'abc'

    def "#why: #expected"() {
        expect:
        OpaqueRefreshTokens.hasShape(token) == expected
        SHAPE.matcher(token).matches() == expected

        where:
        why                              | token                                  | expected
        'a minted shape'                 | 'rtr_' + BODY                          | true
        'empty'                          | ''                                     | false
        'the prefix alone'               | 'rtr_'                                 | false
        'one character short'            | 'rtr_' + BODY.substring(1)             | false
        'one character more'             | 'rtr_' + BODY + 'a'                    | false
        'another prefix'                 | 'rtx_' + BODY                          | false
        'the prefix in capitals'         | 'RTR_' + BODY                          | false
        'base64 rather than base64url'   | 'rtr_' + BODY.replace('-', '+')        | false
        'a slash'                        | 'rtr_' + BODY.replace('_', '/')        | false
        'padding'                        | 'rtr_' + BODY.substring(1) + '='       | false
        'a space'                        | 'rtr_' + BODY.substring(1) + ' '       | false
        'a non-ASCII letter'             | 'rtr_' + BODY.substring(1) + 'é'       | false
        'a full-width digit'             | 'rtr_' + BODY.substring(1) + '\uFF11'  | false
        'a character before the prefix'  | ' rtr_' + BODY.substring(1)            | false
    }

    def "the loop and the pattern agree on 20,000 strings near the shape"() {
        given:
        def random = new Random(42)
        def alphabet = ('A'..'Z') + ('a'..'z') + ('0'..'9') + ['-', '_', '+', '/', '=', '.', ' ', 'é', '\u0000']

        def tokens = (1..20_000).collect {
            def length = 40 + random.nextInt(8)
            def body = (1..length).collect { alphabet[random.nextInt(random.nextInt(10) == 0 ? alphabet.size() : 64)] }.join()
            (random.nextInt(20) == 0 ? 'rtR_' : 'rtr_') + body
        }

        expect:
        tokens.findAll { OpaqueRefreshTokens.hasShape(it) != SHAPE.matcher(it).matches() } == []
        tokens.count { SHAPE.matcher(it).matches() } > 500 // both answers are among them
    }
}
