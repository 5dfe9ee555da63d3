package rotor.conformance.report

import rotor.conformance.CheckResult
import rotor.conformance.ConformanceRun

import javax.xml.stream.XMLOutputFactory
import javax.xml.stream.XMLStreamWriter

/** JUnit XML for CI systems: a test suite per contract, a test case per check; a check not run is skipped with what it needs. */
class JUnitReport {

    static String render(ConformanceRun run) {
        def out = new StringWriter()
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out)
        xml.writeStartDocument('UTF-8', '1.0')
        xml.writeCharacters('\n')
        element(xml, 'testsuites', [name: 'rotor-conformance', tests: run.results.size(), failures: count(run.results, CheckResult.Outcome.FAILED),
                                    skipped: count(run.results, CheckResult.Outcome.NOT_RUN)]) {
            run.results.groupBy { it.check.contract }.each { contract, results ->
                element(xml, 'testsuite', [name: contract, tests: results.size(), failures: count(results, CheckResult.Outcome.FAILED),
                                           skipped: count(results, CheckResult.Outcome.NOT_RUN), errors: 0, time: seconds(results.sum { it.millis } as long)]) {
                    element(xml, 'properties', [:]) {
                        element(xml, 'property', [name: 'seed', value: run.seed]) {}
                    }
                    results.each { result -> testcase(xml, contract, result) }
                }
            }
        }
        xml.writeEndDocument()
        xml.close()
        out.toString() + '\n'
    }

    private static void testcase(XMLStreamWriter xml, String contract, CheckResult result) {
        element(xml, 'testcase', [classname: "rotor.conformance.${contract}", name: result.check.name, time: seconds(result.millis)]) {
            if (result.outcome == CheckResult.Outcome.FAILED) {
                def x = result.offending
                element(xml, 'failure', [message: result.message, type: 'NonConformance']) {
                    xml.writeCharacters(xmlText(x ? "${x.answer}\n\n${x.transcript()}" : result.message))
                }
            } else if (result.outcome == CheckResult.Outcome.NOT_RUN) {
                element(xml, 'skipped', [message: "not run: ${result.message}"]) {}
            }
        }
    }

    private static void element(XMLStreamWriter xml, String name, Map attributes, Closure<?> content) {
        xml.writeStartElement(name)
        attributes.each { k, v -> xml.writeAttribute(k as String, xmlText(v as String)) }
        content()
        xml.writeEndElement()
        xml.writeCharacters('\n')
    }

    /**
     * The text with every character XML 1.0 cannot hold (control characters other than tab, line
     * feed and carriage return; lone surrogates) as U+FFFD: a server's answer may carry any byte,
     * and a report a CI system cannot parse would hide the very failure it shows.
     */
    static String xmlText(String text) {
        text?.replaceAll(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\x{10000}-\x{10FFFF}]/, '\uFFFD')
    }

    private static int count(List<CheckResult> results, CheckResult.Outcome outcome) {
        results.count { it.outcome == outcome } as int
    }

    private static String seconds(long millis) {
        String.format(Locale.ROOT, '%.3f', millis / 1000d)
    }
}
