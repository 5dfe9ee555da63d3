package rotor.server.admin

import rotor.server.support.CapturedLog
import spock.lang.Specification

/**
 * The admin token guards every grant and secret. A short one (the walk-through's "change-me")
 * still works, so that a lab needs no ceremony, but the start warns of it, without the token.
 */
class AShortAdminTokenIsWarnedOfSpec extends Specification {

    def "a #length-character admin token is #outcome at start, and the token itself is never logged"() {
        given:
        def log = new CapturedLog()
        def token = 'k' * length

        when:
        def admin = new AdminToken(token)
        admin.announce(null)

        then:
        admin.matches(token)
        log.lines(AdminToken.name).findAll { it.contains("has only ${length} characters") }.size() == (warned ? 1 : 0)
        log.lines().every { !it.contains(token) }

        cleanup:
        log?.close()

        where:
        length | warned
        9      | true
        31     | true
        32     | false
        64     | false
        outcome = warned ? 'warned of' : 'not warned of'
    }
}
