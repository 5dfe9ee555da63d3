package rotor.conformance.tool

import rotor.conformance.ConformanceTarget
import rotor.conformance.cli.ConformanceCommand
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/** Exit 2 is for a run that could not check anything: a wrong command line, or no server there. */
class ToolExitsTwoOnUsageOrConnectionErrorsSpec extends Specification {

    @Shared @TempDir Path scratch

    def err = new ByteArrayOutputStream()

    def "exit 2 and the reason on standard error: #why"() {
        when:
        def exit = ConformanceCommand.execute(args as String[], new PrintStream(new ByteArrayOutputStream(), true), new PrintStream(err, true))

        then:
        exit == 2
        err.toString().contains(says)

        where:
        why                          | args                                                                                  | says
        'no --base-url'              | ['--contract', 'dayzero']                                                             | '--base-url'
        'an unknown contract'        | ['--base-url', 'http://127.0.0.1:9', '--contract', 'nope']                            | 'unknown contract nope'
        'an unknown credential'      | ['--base-url', closedPort(), '--credential', 'dayzero.token=x']                       | 'unknown credential dayzero.token'
        'nothing listens there'      | ['--base-url', closedPort()]                                                          | 'connection refused (is the server listening on that port?)'
        'both ways to get tokens'    | ['--base-url', closedPort(), '--admin-token', 't', '--credential', 'onboard.refresh-token=x'] | 'not both'
        'a host that does not exist' | ['--base-url', 'http://rotor-conformance.invalid:8080']                              | 'unknown host rotor-conformance.invalid'
        'a timeout under a second'   | ['--base-url', closedPort(), '--timeout', '0']                                        | '--timeout must be at least 1 second'
        'a run time under a second'  | ['--base-url', closedPort(), '--max-time', '0']                                       | '--max-time must be at least 1 second'
        'a file where the reports go' | ['--base-url', closedPort(), '--report', Files.createTempFile(scratch, 'report', '.md').toString()] | 'a file of that name is in the way'
        'an admin token the target refuses' | ['--base-url', ConformanceTarget.get().baseUrl, '--admin-token', 'not-the-token', '--contract', 'onboard', '--report', Files.createTempDirectory(scratch, 'reports').toString()] | 'the target refused the admin token'
    }

    def "--help explains every contract's credentials and that a brought refresh token is spent"() {
        given:
        def out = new ByteArrayOutputStream()

        when:
        def exit = ConformanceCommand.execute(['--help'] as String[], new PrintStream(out, true), new PrintStream(err, true))

        then:
        exit == 0
        ['dayzero.refresh-token', 'dayzero.business-id', 'onboard.refresh-token', 'partner.refresh-token', 'partner.partner-id',
         'session.refresh-token', 'mielto.api-key', 'mielto.connection-id', 'oauth2.client-id', 'oauth2.client-secret',
         'oauth2.refresh-token', '--admin-token', '--seed'].every { out.toString().contains(it) }
        out.toString().contains('A brought refresh token is SPENT')
        out.toString().contains('What it leaves on the target')
    }

    /** A port nothing listens on: one just closed. */
    private static String closedPort() {
        def socket = new ServerSocket(0, 1, InetAddress.loopbackAddress)
        def port = socket.localPort
        socket.close()
        "http://127.0.0.1:${port}"
    }
}
