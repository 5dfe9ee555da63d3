package rotor.server.ops

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import rotor.server.support.CapturedLog
import rotor.server.support.EmbeddedServerSpecification
import rotor.server.support.RawHttp

/**
 * The request log has a line for every answer, refusals included. A request that a filter refuses
 * by failing (a content coding the server does not decode, a method name in lower case) was
 * answered without one: Micronaut skipped the log's response filter for a failure downstream.
 */
@MicronautTest(transactional = false)
class ARequestRefusedByAFilterIsLoggedSpec extends EmbeddedServerSpecification {

    def "#why: the answer #status is logged"() {
        given:
        def log = new CapturedLog()

        when:
        def answer = RawHttp.exchange(port, "${method} ${path} HTTP/1.1\r\nHost: localhost\r\n${headers}Content-Length: 2\r\nConnection: close\r\n\r\n{}")

        then:
        answer.startsWith("HTTP/1.1 ${status} ")
        log.lines(RequestLog.name).findAll { it ==~ /${method} ${path.replace('/', '\\/')} ${status} \d+\.\dms/ }.size() == 1

        cleanup:
        log?.close()

        where:
        why                               | method   | path                       | headers                                                | status
        'a body in a coding not decoded'  | 'POST'   | '/v1/auth/token'           | 'partnerId: 1042\r\ngrantType: refresh_token\r\nContent-Type: application/json\r\nContent-Encoding: br\r\n' | 400
        'a method name in lower case'     | 'post'   | '/session/token/refresh'   | 'Content-Type: application/json\r\n'                   | 405
        'a method the path does not take' | 'DELETE' | '/session/token/refresh'   | ''                                                     | 405
        'no admin token'                  | 'POST'   | '/admin/v1/grants'         | 'Content-Type: application/json\r\n'                   | 401
    }
}
