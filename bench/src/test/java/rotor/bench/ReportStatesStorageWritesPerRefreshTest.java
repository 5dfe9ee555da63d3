package rotor.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The table states what the server sent towards the disk per refresh (write_bytes of /proc), a
 * figure that a store change moves whatever the machine's speed.
 */
class ReportStatesStorageWritesPerRefreshTest {

    private static final WarmUp.Outcome WARM = new WarmUp.Outcome(Duration.ofSeconds(15), 0.01, true);

    @Test
    void dividesTheServersStorageWritesByTheRefreshesOfTheWindow() {
        long refreshes = 30_000;
        Report report = new Report(List.of(), List.of(row(refreshes, refreshes * 13 * 1024)), 0.2);

        String table = report.markdown();

        assertTrue(table.contains("| storage writes per refresh (KB) |"), table);
        assertTrue(table.contains("| 13.0 | 300 |"), table);
    }

    @Test
    void saysNotApplicableForAWindowWithoutRefreshes() {
        Report report = new Report(List.of(), List.of(row(0, 4096)), 0.2);

        assertTrue(report.markdown().contains("| n/a | 300 |"), report.markdown());
    }

    private static Report.Row row(long refreshes, long writeBytes) {
        LoadGenerator.Window window = new LoadGenerator.Window(refreshes, 0, 20, new long[]{1_000_000}, null,
                new CpuWatch.Usage(20, 1.2, 0.3, 0.0, 0.0, writeBytes, "", Map.of()), 300, WARM);
        return new Report.Row("rotor oauth2", false, 32, window, new MachineSpeed.Reading(2_000, 2_000), null);
    }
}
