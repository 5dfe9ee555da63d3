package rotor.conformance.report

import rotor.conformance.CheckResult
import rotor.conformance.ConformanceRun
import rotor.conformance.Exchange

/**
 * One self-contained HTML page (no scripts, no external resources): per contract, per operation,
 * per documented status, whether it was covered and passed, with every failing exchange shown
 * beside the validator's message; then every check and its outcome.
 */
class HtmlReport {

    private static final String STYLE = '''
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1200px;padding:0 1em;color:#222}
table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f3f3f3}code,pre{font:12px/1.4 ui-monospace,monospace}pre{background:#f7f7f7;padding:.6em;overflow:auto;white-space:pre-wrap}
.passed{color:#176b2c}.failed{color:#b00020;font-weight:bold}.not-run,.skipped{color:#7a5d00}.uncovered{color:#b00020}
summary{cursor:pointer}.message{color:#b00020}
'''

    static String render(ConformanceRun run, String target) {
        def coverage = new Coverage(run)
        def counts = run.results.countBy { it.outcome }
        def out = new StringBuilder()
        out << '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Conformance report</title><style>' << STYLE << '</style></head><body>\n'
        out << "<h1>Conformance report</h1>\n<p>Target: <code>${esc(target)}</code>. Seed: <code>${run.seed}</code> (pass <code>--seed ${run.seed}</code> to repeat the run).</p>\n"
        out << "<p>${run.results.size()} checks: <span class=\"passed\">${counts[CheckResult.Outcome.PASSED] ?: 0} passed</span>, " +
                "<span class=\"${counts[CheckResult.Outcome.FAILED] ? 'failed' : ''}\">${counts[CheckResult.Outcome.FAILED] ?: 0} failed</span>, " +
                "<span class=\"not-run\">${counts[CheckResult.Outcome.NOT_RUN] ?: 0} not run</span>. " +
                "${run.exchanges.size()} exchanges, each request and response validated against its contract by swagger-request-validator.</p>\n"
        coverage.rows().groupBy { it.contract }.each { contract, rows ->
            out << "<h2 id=\"${esc(contract)}\">${esc(contract)}</h2>\n<table><tr><th>operation</th><th>status</th><th>covered</th><th>passed</th><th>note, or the answers that did not validate</th></tr>\n"
            rows.each { row -> out << coverageRow(row) }
            out << '</table>\n'
            out << checksOf(run.results.findAll { it.check.contract == contract })
        }
        out << '</body></html>\n'
        out.toString()
    }

    private static String coverageRow(Coverage.Row row) {
        def stateClass = [covered: 'passed', skipped: 'skipped', 'not run': 'not-run', 'NOT COVERED': 'uncovered'][row.state]
        def failing = row.seen.findAll { it.responseProblems }
        def detail = failing ? failing.collect { exchange(it, it.responseProblems) }.join('') : esc(row.note)
        "<tr><td><code>${esc(row.operationId)}</code><br>${row.method} <code>${esc(row.path)}</code></td><td>${row.status}</td>" +
                "<td class=\"${stateClass}\">${esc(row.covered)}</td><td class=\"${row.seen ? (row.passed ? 'passed' : 'failed') : ''}\">${row.passedText}</td>" +
                "<td>${detail}</td></tr>\n"
    }

    private static String checksOf(List<CheckResult> results) {
        def out = new StringBuilder('<table><tr><th>check</th><th>outcome</th><th>why</th></tr>\n')
        results.each { result ->
            def outcome = [(CheckResult.Outcome.PASSED): ['passed', 'passed'], (CheckResult.Outcome.FAILED): ['failed', 'FAILED'],
                           (CheckResult.Outcome.NOT_RUN): ['not-run', 'not run']][result.outcome]
            def why = result.outcome == CheckResult.Outcome.FAILED ?
                    "<pre class=\"message\">${esc(result.message)}</pre>" + (result.offending ? exchange(result.offending, []) : '') :
                    esc(result.message ?: '')
            out << "<tr><td>${esc(result.check.name)}</td><td class=\"${outcome[0]}\">${outcome[1]}</td><td>${why}</td></tr>\n"
        }
        out << '</table>\n'
        out.toString()
    }

    private static String exchange(Exchange x, List<String> problems) {
        def messages = problems.collect { "<div class=\"message\">${esc(it)}</div>" }.join('')
        "${messages}<details><summary>${esc(x.answer)}: the exchange</summary><pre>${esc(x.transcript())}</pre></details>"
    }

    private static String esc(Object value) {
        value == null ? '' : value.toString().replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('"', '&quot;')
    }
}
