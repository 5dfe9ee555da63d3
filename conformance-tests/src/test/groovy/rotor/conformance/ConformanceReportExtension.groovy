package rotor.conformance

import org.spockframework.runtime.extension.IGlobalExtension
import rotor.conformance.report.MarkdownReport

import java.nio.file.Files
import java.nio.file.Path

/** Writes the coverage table once every specification has run. */
class ConformanceReportExtension implements IGlobalExtension {

    @Override
    void stop() {
        def report = System.getProperty('conformance.report')
        def run = ConformanceSpecification.started()
        if (report && run) {
            def file = Path.of(report)
            Files.createDirectories(file.parent)
            Files.writeString(file, MarkdownReport.render(run, ConformanceTarget.get().description))
        }
    }
}
