package rotor.conformance.tool

import groovy.json.JsonOutput

import java.util.concurrent.ConcurrentHashMap

/**
 * rotor behind a proxy that stands for a session server which reads a refresh JWT's claims without
 * verifying its signature: a token whose payload is that of a token it issued is taken as that
 * token. The tool fails the forgery check, and no other check.
 */
class ToolFailsASessionServerThatIgnoresSignaturesSpec extends ToolBehindAMisbehavingProxy {

    def "forged signatures, alg none and unknown kids taken for the genuine token fail the forgery check"() {
        given: 'the genuine session refresh tokens the proxy has seen issued, by their payload'
        def issued = new ConcurrentHashMap<String, String>()
        def remember = { Object token ->
            if (token instanceof String && token.count('.') == 2) issued[token.split('\\.')[1]] = token
        }
        def rule = { MisbehavingProxy.Message request, forward ->
            def body = request.path in ['/session/token/refresh', '/admin/v1/grants'] ? json(request) : null
            def presented = request.path == '/session/token/refresh' ? body?.refresh_token : null
            def genuine = presented instanceof String && presented.count('.') == 2 ? issued[presented.split('\\.', -1)[1]] : null
            if (genuine != null && genuine != presented) {
                request.body = JsonOutput.toJson(body + [refresh_token: genuine]).getBytes('UTF-8')
            }
            def answer = forward(request)
            if (answer.status in [200, 201]) {
                def answered = json(answer)
                remember(answered?.refresh_token)
                remember(answered?.data?.refresh_token)
            }
            answer
        } as MisbehavingProxy.Rule

        when:
        def exit = tool(rule, 'session')

        then:
        exit == 1
        failedChecks() == ['session: 401 code 40101: the live token with a forged signature, with alg none, with an unknown kid; the genuine token still refreshes']
        report().contains('the token with a forged signature')
    }
}
