package rotor.server.engine

import spock.lang.Specification

/**
 * The admin API refuses a client id on any grant but oauth2's, and requires one there; the engine
 * holds the same rule, so that no other caller of TokenEngine.issue can store a grant a client
 * could then introspect and revoke through /oauth2/*.
 */
class OnlyAnOAuth2GrantBelongsToAClientSpec extends Specification {

    def "a #dialect grant #naming is refused"() {
        when:
        new GrantRequest(dialect, 'alice', null, null, clientId)

        then:
        def refused = thrown(IllegalArgumentException)
        refused.message.contains(expected)

        where:
        dialect         | clientId   | expected
        Dialect.OAUTH2  | null       | 'name one'
        Dialect.DAYZERO | 'client-1' | 'not grants of dialect dayzero'
        Dialect.ONBOARD | 'client-1' | 'not grants of dialect onboard'
        Dialect.MIELTO  | 'client-1' | 'not grants of dialect mielto'
        Dialect.PARTNER | 'client-1' | 'not grants of dialect partner'
        Dialect.SESSION | 'client-1' | 'not grants of dialect session'
        naming = clientId == null ? 'naming no client' : 'naming a client'
    }

    def "an oauth2 grant with its client, and every other dialect's without one, are requests"() {
        expect:
        new GrantRequest(dialect, 'alice', null, null, clientId).clientId() == clientId

        where:
        dialect << Dialect.values()
        clientId = dialect == Dialect.OAUTH2 ? 'client-1' : null
    }
}
