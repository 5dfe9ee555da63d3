package rotor.conformance.tool

import rotor.conformance.AdminCredentials
import rotor.conformance.ConformanceTarget
import rotor.conformance.ContractValidators
import rotor.conformance.Wire
import rotor.conformance.checks.AdminChecks
import rotor.conformance.negative.NegativeCases
import rotor.conformance.cli.ConformanceCommand
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/**
 * The tool against rotor (the embedded server module, or -Dconformance.base-url): exit 0 with the
 * admin token, and exit 0 with credentials brought for every contract (provisioned here through
 * the admin API first, then handed to the tool without the admin token).
 */
class ToolPassesRotorInBothModesSpec extends Specification {

    @TempDir Path reports
    def out = new ByteArrayOutputStream()
    def target = ConformanceTarget.get()

    def "with the admin token: exit 0, every check run, nothing uncovered"() {
        when:
        def exit = tool('--admin-token', target.adminToken)
        def report = java.nio.file.Files.readString(reports.resolve('conformance-report.md'))

        then:
        exit == 0
        ['dayzero', 'onboard', 'mielto', 'partner', 'session', 'admin', 'oauth2'].every { out.toString() =~ /(?m)^${it} +\d+ checks: +\d+ passed, +0 failed, +0 not run/ }
        !report.contains('NOT COVERED') && !report.contains('FAILED')
    }

    def "with brought credentials for every contract: exit 0, the admin contract's checks not run"() {
        given:
        def admin = new AdminCredentials(new Wire(target.baseUrl, new ContractValidators()), target.adminToken, new Random())
        def client = admin.oauth2Client()
        def brought = [
                'dayzero.refresh-token': admin.refreshToken('dayzero'), 'dayzero.business-id': admin.businessId(),
                'onboard.refresh-token': admin.refreshToken('onboard'),
                'partner.refresh-token': admin.refreshToken('partner'), 'partner.partner-id': admin.partnerId() as String,
                'session.refresh-token': admin.refreshToken('session'),
                'mielto.api-key'       : admin.mieltoApiKey(), 'mielto.connection-id': admin.mieltoConnectionId(),
                'oauth2.client-id'     : client.id, 'oauth2.client-secret': client.secret, 'oauth2.refresh-token': admin.refreshToken('oauth2'),
        ]

        when:
        def exit = tool(*brought.collectMany { k, v -> ['--credential', "${k}=${v}".toString()] })
        def report = java.nio.file.Files.readString(reports.resolve('conformance-report.md'))

        then:
        exit == 0
        ['dayzero', 'onboard', 'partner', 'session'].every { out.toString() =~ /(?m)^${it} +\d+ checks: +\d+ passed, +0 failed, +[01] not run/ }
        // the admin checks need the admin token, and so do the admin contract's negative cases but those without it
        out.toString() =~ /(?m)^admin +\d+ checks: +\d+ passed, +0 failed, +${new AdminChecks().checks().size()} not run/
        def adminCases = new NegativeCases('admin', 1).checks()*.name
        def withoutToken = adminCases.count { it.contains('without the required header Authorization') }
        out.toString() =~ /(?m)^admin .*negative cases: +${withoutToken} passed, +0 failed, +${adminCases.size() - withoutToken} not run/
        report.contains('not run: needs --admin-token')
        !report.contains('NOT COVERED') && !report.contains('FAILED')
    }

    private int tool(String... args) {
        ConformanceCommand.execute((['--base-url', target.baseUrl, '--report', reports.toString()] + (args as List)) as String[],
                new PrintStream(out, true), new PrintStream(out, true))
    }
}
