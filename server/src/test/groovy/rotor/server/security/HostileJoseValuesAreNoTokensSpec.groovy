package rotor.server.security

import rotor.server.dialect.session.SessionRefreshTokens
import rotor.server.engine.RefreshTokenFormat.Form
import rotor.server.engine.RefreshTokenFormat.Checked
import rotor.server.engine.RefreshTokenHashes
import rotor.server.grants.TokenIntrospection
import rotor.server.support.Store
import spock.lang.Specification

import java.time.Instant

/**
 * Values shaped like JOSE objects whose headers Nimbus's parser does not expect (a JSON null, a
 * JWE header with null members) make it throw NullPointerException rather than ParseException.
 * They arrive on unauthenticated paths (session's refresh, introspection, revocation) and must
 * be no token there: never a 500.
 */
class HostileJoseValuesAreNoTokensSpec extends Specification {

    static String b64(String json) {
        Base64.urlEncoder.withoutPadding().encodeToString(json.bytes)
    }

    static final List<String> HOSTILE = [
            b64('null') + '.x.y',
            b64('{"alg":"dir","enc":null}') + '..AAAA.AAAA.AAAA',
            b64('{"alg":"dir","enc":"A128GCM","zip":null}') + '..AAAA.AAAA.AAAA',
            b64('{"alg":"ECDH-ES","enc":"A128GCM","epk":null}') + '..AAAA.AAAA.AAAA',
            b64('{"alg":"HS256","jwk":null}') + '.' + b64('{}') + '.AAAA',
    ]

    def "the session format answers #form for #value, and reads no issue key from it"() {
        given:
        def format = Store.h2File().bean(SessionRefreshTokens)

        expect:
        format.check(value, Instant.now()) == Checked.of(form) // and no issue key read from it
        format.issueKey(value).isEmpty()

        where:
        value      | form
        HOSTILE[0] | Form.MALFORMED // the parser throws: not a JWT at all (session's 400)
        HOSTILE[1] | Form.MALFORMED
        HOSTILE[2] | Form.REJECTED  // parses as a JWE: a JWT that is not ours (session's 401)
        HOSTILE[3] | Form.MALFORMED
        HOSTILE[4] | Form.REJECTED  // parses as a JWS without our claims
    }

    def "introspection and revocation find no token in #value"() {
        given:
        def store = Store.h2File()

        expect:
        store.bean(RefreshTokenHashes).lookups(value).size() == 1
        store.bean(TokenIntrospection).trace(value).isEmpty()

        where:
        value << HOSTILE
    }
}
