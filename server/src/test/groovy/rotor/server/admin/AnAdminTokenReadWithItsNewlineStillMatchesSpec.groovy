package rotor.server.admin

import spock.lang.Specification

/**
 * A token read from a file or a Kubernetes secret often keeps its trailing newline. No client can
 * present whitespace around a header value (RFC 9110 section 5.5 strips it), so kept, it locked
 * the admin out without a word; the configured value is taken without it.
 */
class AnAdminTokenReadWithItsNewlineStillMatchesSpec extends Specification {

    static final String TOKEN = 'k' * 40

    def "configured as #shown, the admin token is the value without the whitespace around it"() {
        when:
        def admin = new AdminToken(configured)

        then:
        admin.matches(TOKEN)
        !admin.matches(configured)

        where:
        configured         | shown
        TOKEN + '\n'       | 'the token and a newline'
        TOKEN + '\r\n'     | 'the token and CRLF'
        ' ' + TOKEN + '\t' | 'the token between a space and a tab'
    }
}
