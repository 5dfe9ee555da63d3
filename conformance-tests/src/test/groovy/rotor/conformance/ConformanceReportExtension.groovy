package rotor.conformance

import org.spockframework.runtime.extension.IGlobalExtension
import rotor.conformance.report.ReportWriter

import java.nio.file.Path

/** Writes the tool's reports of the suite's run (conformance-report.md, .html, JUnit XML) once every specification has run. */
class ConformanceReportExtension implements IGlobalExtension {

    @Override
    void stop() {
        def report = System.getProperty('conformance.report')
        def run = ConformanceSpecification.started()
        if (report && run) {
            new ReportWriter(run, ConformanceTarget.get().description).writeTo(Path.of(report).parent)
        }
    }
}
