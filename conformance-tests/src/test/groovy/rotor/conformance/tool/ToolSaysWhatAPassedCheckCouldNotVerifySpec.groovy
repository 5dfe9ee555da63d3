package rotor.conformance.tool

import rotor.conformance.ConformanceTarget
import rotor.conformance.cli.ConformanceCommand
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * An access token verifies against the key set of the oauth2 contract: a run that does not check
 * oauth2 passes the 200 checks on the rest, and its report says the token went unverified.
 */
class ToolSaysWhatAPassedCheckCouldNotVerifySpec extends Specification {

    @TempDir Path reports
    def target = ConformanceTarget.get()

    def "#contracts: the report #says that the access token was not verified"() {
        when:
        def exit = ConformanceCommand.execute((['--base-url', target.baseUrl, '--admin-token', target.adminToken, '--report', reports.toString()] +
                contracts.collectMany { ['--contract', it] }) as String[],
                new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(new ByteArrayOutputStream(), true))
        def report = Files.readString(reports.resolve('conformance-report.md'))

        then:
        exit == 0
        report.contains('- dayzero: 200: a new pair, Bearer, expires_in, uncached; the access token verifies against the key set: ' +
                'the access token was not verified') == unverified

        where:
        contracts             | unverified | says
        ['dayzero']           | true       | 'says'
        ['dayzero', 'oauth2'] | false      | 'does not say'
    }
}
