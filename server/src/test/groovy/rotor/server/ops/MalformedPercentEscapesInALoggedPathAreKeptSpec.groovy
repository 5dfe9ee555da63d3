package rotor.server.ops

import rotor.server.admin.AdminToken
import spock.lang.Specification

/**
 * LoggedPath decodes %XX to look for secrets; what is no escape (a lone %, one hex digit, a
 * non-ASCII digit) is kept as it came and never breaks the line, even beside a secret.
 */
class MalformedPercentEscapesInALoggedPathAreKeptSpec extends Specification {

    static final String TOKEN = 'rtr_' + 'A' * 43

    def "#path is logged as #logged"() {
        expect:
        LoggedPath.of(path, { [] }) == logged

        where:
        path                          | logged
        '/x/%zz%4'                    | '/x/%zz%4'
        '/x/%'                        | '/x/%'
        '/x/%\u0663\u0663'            | '/x/%\u0663\u0663'
        "/x/%zz/${TOKEN}%".toString() | '/x/%zz/[redacted]%'
        "/x/rtr%5${TOKEN.substring(4)}".toString() | "/x/rtr%5${TOKEN.substring(4)}".toString()
        "/x/${TOKEN}/${TOKEN.replace('_', '%5f')}".toString() | '/x/[redacted]/[redacted]'
    }

    def "the admin token is redacted wherever it stands, encoded or not, and nothing else is"() {
        given:
        def token = new AdminToken('secret-segment')

        expect:
        LoggedPath.of('/api/v1/%73ecret-segment/tail', token::occurrencesIn) == '/api/v1/[redacted]/tail'
        LoggedPath.of('/api/v1/x.secret-segmentx/tail', token::occurrencesIn) == '/api/v1/x.[redacted]x/tail'
        LoggedPath.of('/api/v1/secret-segmen/tail', token::occurrencesIn) == '/api/v1/secret-segmen/tail'
    }
}
