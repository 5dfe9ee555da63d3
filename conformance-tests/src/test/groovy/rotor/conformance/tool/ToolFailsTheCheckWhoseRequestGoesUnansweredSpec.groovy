package rotor.conformance.tool

/**
 * A server that accepts a request and never answers it: the check that sent it fails after
 * --timeout, naming the request and the limit, and the run goes on to the end.
 */
class ToolFailsTheCheckWhoseRequestGoesUnansweredSpec extends ToolBehindAMisbehavingProxy {

    def "the malformed-token check fails with no answer within 1 s, and every other onboard check passes"() {
        given: 'onboard\'s refresh with a header that is no token is held until the feature ends'
        def rule = holdingOnboardsRefreshOfAMalformedToken()

        when:
        def exit = tool(rule, 'onboard', '--timeout', '1')

        then:
        exit == 1
        failures() == ['onboard: 400 MALFORMED_TOKEN: a header that is not a token of the target':
                               'POST /auth/oauth/refresh-token: no answer within 1 s (--timeout)']
    }
}
