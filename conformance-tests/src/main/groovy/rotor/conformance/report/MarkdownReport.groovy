package rotor.conformance.report

import rotor.conformance.CheckResult
import rotor.conformance.ConformanceRun

/** The summary a person reads in a terminal or a pull request: the coverage table, then what failed and what did not run. */
class MarkdownReport {

    static String render(ConformanceRun run, String target) {
        def coverage = new Coverage(run)
        def out = new StringBuilder('# Conformance report\n\n')
        out << "Target: ${target}\n\n"
        out << "Seed: ${run.seed} (pass `--seed ${run.seed}` to repeat the run)\n\n"
        def counts = run.results.countBy { it.outcome }
        out << "${run.results.size()} checks: ${counts[CheckResult.Outcome.PASSED] ?: 0} passed, ${counts[CheckResult.Outcome.FAILED] ?: 0} failed, " +
                "${counts[CheckResult.Outcome.NOT_RUN] ?: 0} not run. "
        out << "${run.exchanges.size()} exchanges, each request and response validated against its contract by swagger-request-validator.\n\n"
        coverage.rows().groupBy { it.contract }.each { contract, rows ->
            out << "## ${contract}\n\n| operation | status | covered | passed | note |\n|---|---|---|---|---|\n"
            rows.each { row -> out << "| `${row.operationId}` ${row.method} `${row.path}` | ${row.status} | ${row.covered} | ${row.passedText} | ${row.note} |\n" }
            out << '\n'
        }
        def failed = run.results.findAll { it.outcome == CheckResult.Outcome.FAILED }
        if (failed) {
            out << '## Checks that FAILED\n\n'
            failed.each { result ->
                out << "### ${result.check.contract}: ${result.check.name}\n\n"
                def x = result.offending
                if (x) {
                    out << "Answer: ${x.contract} `${x.operationId}` ${x.status}\n\n"
                }
                out << '```\n' << result.message << '\n```\n\n'
                if (x) {
                    out << 'The exchange:\n\n```\n' << x.transcript() << '```\n\n'
                }
            }
        }
        def noted = run.results.findAll { it.outcome == CheckResult.Outcome.PASSED && it.message }
        if (noted) {
            out << '## Checks that passed on what they could verify\n\n'
            noted.each { out << "- ${it.check.contract}: ${it.check.name}: ${it.message}\n" }
            out << '\n'
        }
        def notRun = run.results.findAll { it.outcome == CheckResult.Outcome.NOT_RUN }
        if (notRun) {
            out << '## Checks not run\n\n'
            notRun.each { out << "- ${it.check.contract}: ${it.check.name}: not run: ${it.message}\n" }
            out << '\n'
        }
        out.toString()
    }
}
