package rotor.conformance.tool

import groovy.json.JsonOutput

/**
 * rotor behind a proxy that turns a JSON number where partner's contract wants a string into that
 * string, as a lenient server would: the generated negative case of the wrong JSON type fails,
 * because CONTRACTS.md pins a malformed request to 400 invalid_request, and no other check does.
 */
class ToolFailsAServerThatCoercesAJsonTypeSpec extends ToolBehindAMisbehavingProxy {

    def "a partner server that reads refreshToken 12345 as \"12345\" fails the wrong-JSON-type case"() {
        given:
        def rule = { MisbehavingProxy.Message request, forward ->
            def body = request.path == '/v1/auth/token' ? json(request) : null
            if (body?.refreshToken instanceof Number) {
                request.body = JsonOutput.toJson(body + [refreshToken: body.refreshToken as String]).getBytes('UTF-8')
            }
            forward(request)
        } as MisbehavingProxy.Rule

        when:
        def exit = tool(rule, 'partner')

        then:
        exit == 1
        failedChecks().size() == 1
        failedChecks()[0] ==~ /partner: negative: refreshToken body field refreshToken of the wrong JSON type \(\d+\): 400 invalid_request/
        report().contains('invalid_grant')
    }
}
