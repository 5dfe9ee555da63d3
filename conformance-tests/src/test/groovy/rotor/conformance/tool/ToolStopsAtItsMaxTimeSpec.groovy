package rotor.conformance.tool

/**
 * --max-time bounds the whole run, not only each request: a target that holds a request for
 * longer than the run may take stops the run there. The checks from then on are reported as not
 * run, the reports are written, and the exit code (3) says the run was cut short, not that the
 * target failed.
 */
class ToolStopsAtItsMaxTimeSpec extends ToolBehindAMisbehavingProxy {

    def "a request held past --max-time ends the run with exit 3 and the rest not run, though --timeout is far off"() {
        given: 'onboard\'s refresh with a header that is no token is held until the feature ends'
        def rule = holdingOnboardsRefreshOfAMalformedToken()

        when:
        def exit = tool(rule, 'onboard', '--timeout', '600', '--max-time', '5')

        then: 'the run ended at --max-time: waiting out --timeout would have failed the check, exit 1'
        exit == 3
        failedChecks() == []

        and: 'the held check and every one after it are not run, for the run\'s time'
        def notRun = notRun()
        notRun['onboard: 400 MALFORMED_TOKEN: a header that is not a token of the target'] ==~ /the run's --max-time of 5 s ran out (during|before) it/
        notRun.size() > 1
        notRun.values().every { it ==~ /the run's --max-time of 5 s ran out (during|before) it/ }
        out.toString().contains("the run's --max-time of 5 s ran out: the checks from then on were not run")

        and: 'what the checks not run would have provoked is "not run" in the coverage, not "NOT COVERED"'
        report().contains("| not run | - | checks not run: the run's --max-time of 5 s ran out |")
        !report().contains('NOT COVERED')
    }

    /** The Markdown report's "Checks not run", each check's name with why. */
    private Map<String, String> notRun() {
        def section = report().split(/(?m)^## Checks not run\n\n/)
        section.length < 2 ? [:] : section[1].readLines().takeWhile { it.startsWith('- ') }.collectEntries { line ->
            def why = line.lastIndexOf(': not run: ')
            [line.substring(2, why), line.substring(why + ': not run: '.length())]
        }
    }
}
