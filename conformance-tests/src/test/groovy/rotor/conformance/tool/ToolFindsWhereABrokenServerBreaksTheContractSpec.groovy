package rotor.conformance.tool

import rotor.conformance.cli.ConformanceCommand
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/** The tool against a server that breaks dayzero's contract: exit 1, and the reports say where. */
class ToolFindsWhereABrokenServerBreaksTheContractSpec extends Specification {

    @Shared @AutoCleanup BrokenDayzeroServer server = new BrokenDayzeroServer()
    @Shared @TempDir Path reports
    @Shared def out = new ByteArrayOutputStream()
    @Shared int exit

    def setupSpec() {
        exit = ConformanceCommand.execute(['--base-url', server.url, '--contract', 'dayzero',
                                           '--credential', 'dayzero.refresh-token=rtr_brought', '--credential', "dayzero.business-id=${UUID.randomUUID()}",
                                           '--report', reports.toString(), '--seed', '42'] as String[],
                new PrintStream(out, true), new PrintStream(new ByteArrayOutputStream(), true))
    }

    def "exit 1, with the failing checks on the progress line's heels"() {
        expect:
        exit == 1
        out.toString().contains('dayzero ')
        out.toString().contains('FAILED 200: a new pair')
    }

    def "the Markdown report names the contract, the operation, the status and the missing field of the 200"() {
        when:
        def report = java.nio.file.Files.readString(reports.resolve('conformance-report.md'))

        then:
        report.contains('| `refresh_token_api_v1_oauth2_refresh_post` POST `/api/v1/oauth2/refresh` | 200 | yes (')
        report.find(/\| 200 \| yes \(\d+\) \| FAILED \|/)
        report.contains('Answer: dayzero `refresh_token_api_v1_oauth2_refresh_post` 200')
        report.find(/validation\.response\.body\.schema\.required: Object has missing required properties \(\[\\?"access_token\\?"]\)/)
    }

    def "a 200 to a reused token fails the reuse check, and a 500 to a missing header fails the 422 check"() {
        when:
        def report = java.nio.file.Files.readString(reports.resolve('conformance-report.md'))

        then:
        report.contains('### dayzero: 401: a reused token is refused')
        report.contains('### dayzero: 422: a missing x-business-id')
        report.contains('Answer: dayzero `refresh_token_api_v1_oauth2_refresh_post` 500')
    }

    def "a generated negative case, the missing x-business-id, catches the 500 as a server error"() {
        when:
        def report = java.nio.file.Files.readString(reports.resolve('conformance-report.md'))

        then:
        report.contains('### dayzero: negative: refresh_token_api_v1_oauth2_refresh_post without the required header x-business-id')
        report.contains('dayzero refresh_token_api_v1_oauth2_refresh_post 500: a request the contract forbids (without the required header x-business-id) got a server error')
    }

    def "the JUnit XML counts the failures of the dayzero suite and names the answer"() {
        when:
        def xml = new JUnitXml(reports.resolve('TEST-rotor-conformance.xml'))

        then:
        xml.attribute('testsuite', 'name') == 'dayzero'
        xml.attribute('testsuite', 'failures') as int >= 3
        xml.text.contains('dayzero refresh_token_api_v1_oauth2_refresh_post 200')
        xml.text.contains('dayzero refresh_token_api_v1_oauth2_refresh_post 500')
    }

    def "the HTML page shows the failing 200 with the validator's message and the exchange"() {
        when:
        def html = java.nio.file.Files.readString(reports.resolve('conformance-report.html'))

        then:
        html.startsWith('<!DOCTYPE html>')
        !html.contains('<script') && !html.contains('src="http')
        html.contains('<h2 id="dayzero">dayzero</h2>')
        html.find(/<code>refresh_token_api_v1_oauth2_refresh_post<\/code><br>POST <code>\/api\/v1\/oauth2\/refresh<\/code><\/td><td>200<\/td>.*?class="failed">FAILED<\/td>.*?Object has missing required properties \(\[&quot;access_token&quot;]\)/)
        html.contains('dayzero refresh_token_api_v1_oauth2_refresh_post 200: the exchange')
        html.contains('&quot;accessToken&quot;')
    }
}
