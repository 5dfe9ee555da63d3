package rotor.conformance.tool

import java.util.concurrent.ConcurrentHashMap

/**
 * rotor behind a proxy that breaks the reuse rule one way or the other: the tool fails the
 * contract's reuse check, and no other check.
 */
class ToolFailsAServerThatLetsReuseGoUnpunishedSpec extends ToolBehindAMisbehavingProxy {

    def "a server that answers a spent token with the 200 it gave before fails dayzero's reuse check on the replay"() {
        given: 'every dayzero token that got a 200 gets the same 200 again, without the server seeing it'
        def answered = new ConcurrentHashMap<String, MisbehavingProxy.Message>()
        def rule = { MisbehavingProxy.Message request, forward ->
            def token = request.path == '/api/v1/oauth2/refresh' ? request.header('Authorization') : null
            def earlier = token == null ? null : answered[token]
            if (earlier != null) {
                return earlier
            }
            def answer = forward(request)
            if (token != null && answer.status == 200) {
                answered[token] = answer
            }
            answer
        } as MisbehavingProxy.Rule

        when:
        def exit = tool(rule, 'dayzero')

        then:
        exit == 1
        failedChecks() == ['dayzero: 401: a reused token is refused with the invalid_token challenge, and so is the grant\'s newest token']
        report().contains('the replay token')
    }

    def "a server that refuses a spent token but leaves its grant alive fails partner's reuse check on the newest token"() {
        given: 'a partner token presented again after a 200 is refused by the proxy, so the server never sees the reuse'
        def spent = ConcurrentHashMap.newKeySet()
        def rule = { MisbehavingProxy.Message request, forward ->
            def token = request.path == '/v1/auth/token' ? json(request)?.refreshToken : null
            if (token != null && spent.contains(token)) {
                return MisbehavingProxy.answer(400, ['Cache-Control': 'no-store', Pragma: 'no-cache'],
                        '{"error":"invalid_grant","error_description":"Refresh token has expired or is invalid."}')
            }
            def answer = forward(request)
            if (token != null && answer.status == 200) {
                spent << token
            }
            answer
        } as MisbehavingProxy.Rule

        when:
        def exit = tool(rule, 'partner')

        then:
        exit == 1
        failedChecks() == ['partner: 400 invalid_grant: a reused refresh token, and then the grant\'s newest token']
        report().contains('the newest token')
    }
}
