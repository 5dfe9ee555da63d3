package rotor.conformance

import org.spockframework.runtime.extension.IGlobalExtension

import java.nio.file.Path

/** Writes the coverage table once every specification has run. */
class ConformanceReportExtension implements IGlobalExtension {

    @Override
    void stop() {
        def report = System.getProperty('conformance.report')
        if (report) {
            Coverage.INSTANCE.write(Path.of(report))
        }
    }
}
