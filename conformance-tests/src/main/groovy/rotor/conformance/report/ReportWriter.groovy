package rotor.conformance.report

import rotor.conformance.ConformanceRun

import java.nio.file.Files
import java.nio.file.Path

/** Writes every report of a run into one directory. */
class ReportWriter {

    final ConformanceRun run
    final String target

    ReportWriter(ConformanceRun run, String target) {
        this.run = run
        this.target = target
    }

    List<Path> writeTo(Path dir) {
        Files.createDirectories(dir)
        [
                Files.writeString(dir.resolve('conformance-report.md'), MarkdownReport.render(run, target)),
                Files.writeString(dir.resolve('conformance-report.html'), HtmlReport.render(run, target)),
                Files.writeString(dir.resolve('TEST-rotor-conformance.xml'), JUnitReport.render(run)),
        ]
    }
}
