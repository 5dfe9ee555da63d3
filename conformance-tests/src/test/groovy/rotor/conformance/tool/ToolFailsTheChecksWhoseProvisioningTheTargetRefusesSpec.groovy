package rotor.conformance.tool

/**
 * A target whose admin contract fails to issue a grant (a 500, not a refused admin token): each
 * check that needed the grant fails saying so, the others run, and the reports are written.
 */
class ToolFailsTheChecksWhoseProvisioningTheTargetRefusesSpec extends ToolBehindAMisbehavingProxy {

    def "the onboard checks that need a grant fail with the admin contract's answer; those that need none pass"() {
        given:
        def rule = { MisbehavingProxy.Message request, forward ->
            request.path == '/admin/v1/grants' && json(request)?.dialect == 'onboard' ?
                    MisbehavingProxy.answer(500, [:], '{"error":"internal_error","message":"An unexpected error."}') : forward(request)
        } as MisbehavingProxy.Rule

        when:
        def exit = tool(rule, 'onboard')

        then:
        exit == 1
        failures().keySet() == ['onboard: 200: userId and both tokens with their expiries, uncached',
                                'onboard: 403 REFRESH_TOKEN_REVOKED: a token of a grant the admin revoked',
                                'onboard: 403 REFRESH_TOKEN_REVOKED: a reused token, and then the grant\'s newest token'] as Set
        failures().values().every { it.startsWith('provisioning what the check needs through the admin contract failed: /admin/v1/grants answered 500') }
        out.toString() =~ /(?m)^onboard +7 checks: +4 passed, +3 failed/
    }
}
