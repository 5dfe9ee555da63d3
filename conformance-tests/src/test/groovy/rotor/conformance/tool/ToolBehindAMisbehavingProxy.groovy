package rotor.conformance.tool

import groovy.json.JsonSlurper
import rotor.conformance.ConformanceTarget
import rotor.conformance.cli.ConformanceCommand
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.CountDownLatch

/** The tool, with the admin token, against rotor behind a {@link MisbehavingProxy}; and what its report says failed. */
abstract class ToolBehindAMisbehavingProxy extends Specification {

    @TempDir Path reports
    def out = new ByteArrayOutputStream()
    def target = ConformanceTarget.get()
    /** Opened when the feature ends: a rule may hold a request until then. */
    protected final CountDownLatch released = new CountDownLatch(1)

    def cleanup() {
        released.countDown()
    }

    /** Holds onboard's refresh with a header that is no token until the feature ends; forwards every other request. */
    protected MisbehavingProxy.Rule holdingOnboardsRefreshOfAMalformedToken() {
        { MisbehavingProxy.Message request, forward ->
            if (request.header('x-auth-token') == 'not a token') {
                released.await()
            }
            forward(request)
        } as MisbehavingProxy.Rule
    }

    protected int tool(MisbehavingProxy.Rule rule, String contract, String... more) {
        def proxy = new MisbehavingProxy(target.baseUrl, rule)
        try {
            ConformanceCommand.execute((['--base-url', proxy.url, '--admin-token', target.adminToken, '--contract', contract,
                                         '--report', reports.toString(), '--seed', '42'] + (more as List)) as String[],
                    new PrintStream(out, true), new PrintStream(out, true))
        } finally {
            proxy.close()
        }
    }

    protected String report() {
        Files.readString(reports.resolve('conformance-report.md'))
    }

    /** The headings the Markdown report gives each failed check. */
    protected List<String> failedChecks() {
        report().readLines().findAll { it.startsWith('### ') }.collect { it.substring(4) }
    }

    /** The message the Markdown report gives each failed check, by its heading. */
    protected Map<String, String> failures() {
        report().split(/(?m)^### /).drop(1).collectEntries { section ->
            def lines = section.readLines()
            def fence = lines.findIndexOf { it == '```' }
            [lines[0], lines[fence + 1]]
        }
    }

    /** A request body's JSON object, or null when it is none. */
    protected static Map json(MisbehavingProxy.Message message) {
        try {
            def json = new JsonSlurper().parseText(message.text)
            json instanceof Map ? json : null
        } catch (ignored) {
            null
        }
    }
}
