package rotor.server.ops

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.Dialect
import rotor.server.support.CapturedLog
import rotor.server.support.EmbeddedServerSpecification
import rotor.server.support.RawHttp

/**
 * The request log writes the method and the path of every request, whatever a client put there.
 * A secret is not logged wherever in them it stands: as the method, inside a path segment after
 * other characters, after a broken percent escape, percent-encoded twice, or the admin token with
 * anything around it. Each of these was logged in clear, a live refresh token included.
 */
@MicronautTest(transactional = false)
class ASecretAnywhereInTheRequestLineIsNotLoggedSpec extends EmbeddedServerSpecification {

    @Inject GrantsApi admin

    def "#what is not logged"() {
        given:
        def token = issue(admin, Dialect.ONBOARD).refreshToken
        def secret = isAdmin ? ADMIN_TOKEN : token
        def log = new CapturedLog()

        when:
        def answer = RawHttp.exchange(port, "${line(secret)} HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")

        then:
        answer.startsWith('HTTP/1.1 ')
        def requests = log.lines(RequestLog.name)
        requests.size() == 1
        requests[0].contains('[redacted]')
        log.lines().every { !it.contains(secret) && !it.contains(secret.substring(4, 20)) }

        cleanup:
        log?.close()

        where:
        what                                             | isAdmin | line
        'a refresh token as the method'                  | false   | { "${it} /health" }
        'the admin token as the method'                  | true    | { "${it} /health" }
        'a refresh token after other characters'         | false   | { "POST /api/v1/oauth/refresh/x${it}" }
        'a refresh token after a broken escape'          | false   | { "GET /x/%zz${it}" }
        'a refresh token with its underscore encoded twice' | false | { "GET /x/${it.replace('_', '%255F')}" }
        'the admin token with a character after it'      | true    | { "GET /x/${it}x" }
        'the admin token after a dot'                    | true    | { "GET /x/a.${it}" }
        'the admin token after a #'                      | true    | { "GET /x#${it}" }
    }

    def "a method rotor knows is logged as it was sent"() {
        given:
        def log = new CapturedLog()

        when:
        RawHttp.exchange(port, "${method} /health HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")

        then:
        log.lines(RequestLog.name).size() == 1
        log.lines(RequestLog.name)[0].startsWith("${method} /health ")

        cleanup:
        log?.close()

        where:
        method << ['GET', 'DELETE', 'post', 'FOO']
    }
}
