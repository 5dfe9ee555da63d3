package rotor.server.admin

import groovy.json.JsonSlurper
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import rotor.server.support.EmbeddedServerSpecification
import rotor.server.support.RawHttp

/**
 * On a path the admin token guards, the token is judged before anything else about the request:
 * whatever else is wrong with it (its method, its body, its path), a caller without the token gets
 * the 401 and its challenge, and learns nothing about what a caller with it would be told.
 */
@MicronautTest(transactional = false)
class ACallerWithoutTheAdminTokenLearnsNothingElseSpec extends EmbeddedServerSpecification {

    def "#method #path with #wrong and no admin token is the 401 with the Bearer challenge"() {
        when:
        def answer = RawHttp.exchange(port, "${method} ${path} HTTP/1.1\r\nHost: localhost\r\n${headers}" +
                "Content-Length: ${body.length()}\r\nConnection: close\r\n\r\n${body}")
        def head = answer.substring(0, answer.indexOf('\r\n\r\n'))

        then:
        answer.substring(9, 12) == '401'
        head.split('\r\n').any { it.equalsIgnoreCase('WWW-Authenticate: Bearer') }
        new JsonSlurper().parseText(answer.substring(answer.indexOf('\r\n\r\n') + 4)).error == 'unauthorized'

        where:
        wrong                          | method   | path                | headers                                                      | body
        'a body in an unknown coding'  | 'POST'   | '/admin/v1/grants'  | 'Content-Type: application/json\r\nContent-Encoding: xyz\r\n' | '{"dialect":"onboard","subject":"x"}'
        'a body that is not JSON'      | 'POST'   | '/admin/v1/grants'  | 'Content-Type: application/json\r\n'                          | '{"dialect":'
        'a lower-case method name'     | 'post'   | '/admin/v1/grants'  | 'Content-Type: application/json\r\n'                          | '{"dialect":"onboard","subject":"x"}'
        'a method the path does not take' | 'DELETE' | '/admin/v1/grants' | ''                                                          | ''
        'a path with no route'         | 'GET'    | '/admin/v1/nothing' | ''                                                           | ''
        'a body in an unknown coding'  | 'GET'    | '/prometheus'       | 'Content-Type: text/plain\r\nContent-Encoding: xyz\r\n'       | 'x'
        'a lower-case method name'     | 'get'    | '/prometheus'       | ''                                                           | ''
    }
}
