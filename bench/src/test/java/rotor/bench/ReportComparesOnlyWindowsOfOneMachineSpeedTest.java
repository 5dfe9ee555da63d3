package rotor.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The table states each window's machine speed against the run's first, and says when a rotor row
 * was measured on a machine much faster or slower than its ceiling's, since its share of the
 * ceiling then compares two different machines.
 */
class ReportComparesOnlyWindowsOfOneMachineSpeedTest {

    private static final WarmUp.Outcome WARM = new WarmUp.Outcome(Duration.ofSeconds(15), 0.01, true);

    @Test
    void notesARotorRowMeasuredWhileTheMachineRanAtHalfItsCeilingsSpeed() {
        Report report = new Report(List.of(), List.of(
                row("ceiling", true, 32, 9_000, 2_000),
                row("rotor oauth2", false, 32, 1_500, 1_000)), 0.2);

        String table = report.markdown();

        assertTrue(table.contains("| machine speed |"), table);
        assertTrue(table.contains("| 0.00 | 100% |\n"), table);
        assertTrue(table.contains("| 0.00 | 50% |\n"), table);
        assertTrue(table.contains("rotor oauth2 at 32 clients ran on a machine at 50% of its speed in the ceiling's window"), table);
    }

    @Test
    void leavesRowsOfTheSameSpeedUnremarked() {
        Report report = new Report(List.of(), List.of(
                row("ceiling", true, 32, 9_000, 2_000),
                row("rotor oauth2", false, 32, 3_000, 1_900)), 0.2);

        String table = report.markdown();

        assertTrue(table.contains("| 0.00 | 95% |\n"), table);
        assertFalse(table.contains("ran on a machine at"), table);
    }

    @Test
    void aReadingsDriftIsItsChangeAsAShareOfTheFasterReading() {
        MachineSpeed.Reading slower = new MachineSpeed.Reading(2_000, 1_500);
        MachineSpeed.Reading faster = new MachineSpeed.Reading(1_500, 2_000);

        assertTrue(Math.abs(slower.drift() - 0.25) < 1e-9, String.valueOf(slower.drift()));
        assertTrue(Math.abs(faster.drift() - 0.25) < 1e-9, String.valueOf(faster.drift()));
        assertTrue(Math.abs(slower.mean() - 1_750) < 1e-9, String.valueOf(slower.mean()));
    }

    private static Report.Row row(String system, boolean ceiling, int clients, double perSecond, double signaturesPerSecond) {
        long seconds = 20;
        LoadGenerator.Window window = new LoadGenerator.Window((long) (perSecond * seconds), 0, seconds, new long[]{1_000_000},
                null, new CpuWatch.Usage(seconds, 1.2, 0.3, 0.0, 0.0, 0, "", Map.of()), 300, WARM);
        return new Report.Row(system, ceiling, clients, window, new MachineSpeed.Reading(signaturesPerSecond, signaturesPerSecond), null);
    }
}
