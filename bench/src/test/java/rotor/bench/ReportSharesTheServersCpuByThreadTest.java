package rotor.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report says which of the server JVM's threads used its CPU in a window, so that a row taken
 * while the JIT compiler still ran is told apart from a row of the request path alone.
 */
class ReportSharesTheServersCpuByThreadTest {

    private static final WarmUp.Outcome WARM = new WarmUp.Outcome(Duration.ofSeconds(15), 0.01, true);

    @Test
    void namesTheKindOfEachThreadByItsLinuxName() {
        assertEquals(ServerThreads.JIT, ServerThreads.kind("C2 CompilerThre"));
        assertEquals(ServerThreads.JIT, ServerThreads.kind("C1 CompilerThre"));
        assertEquals(ServerThreads.JVM, ServerThreads.kind("VM Thread"));
        assertEquals(ServerThreads.EVENT_LOOPS, ServerThreads.kind("default-eventLo"));
        assertEquals(ServerThreads.REQUESTS, ServerThreads.kind("ForkJoinPool-1-"));
        assertEquals(ServerThreads.GROUP_COMMIT, ServerThreads.kind("rotor-group-com"));
        assertEquals(ServerThreads.OTHER, ServerThreads.kind("AsyncAppender-W"));
    }

    @Test
    void sharesWhatEachKindUsedBetweenTwoReadings() {
        Map<Long, Map.Entry<String, Long>> start = Map.of(
                1L, Map.entry("ForkJoinPool-1-", 1_000L),
                2L, Map.entry("C2 CompilerThre", 500L),
                3L, Map.entry("default-eventLo", 200L),
                4L, Map.entry("HikariPool-1 ho", 50L)); // ends in the window
        Map<Long, Map.Entry<String, Long>> end = Map.of(
                1L, Map.entry("ForkJoinPool-1-", 1_600L),
                2L, Map.entry("C2 CompilerThre", 600L),
                3L, Map.entry("default-eventLo", 400L),
                5L, Map.entry("ForkJoinPool-1-", 100L)); // starts in the window

        Map<String, Double> shares = ServerThreads.shares(start, end);

        assertEquals(0.7, shares.get(ServerThreads.REQUESTS), 1e-9); // 700 of 1,000 ticks
        assertEquals(0.2, shares.get(ServerThreads.EVENT_LOOPS), 1e-9);
        assertEquals(0.1, shares.get(ServerThreads.JIT), 1e-9);
        assertEquals(0.0, shares.get(ServerThreads.GROUP_COMMIT), 1e-9);
        assertEquals(List.of(ServerThreads.KINDS), List.copyOf(shares.keySet()));
    }

    @Test
    void printsEachRowsSharesInATableOfTheirOwn() {
        Map<String, Double> shares = ServerThreads.shares(Map.of(),
                Map.of(1L, Map.entry("ForkJoinPool-1-", 500L), 2L, Map.entry("rotor-group-com", 170L),
                        3L, Map.entry("C2 CompilerThre", 150L), 4L, Map.entry("default-eventLo", 140L),
                        5L, Map.entry("VM Thread", 30L), 6L, Map.entry("AsyncAppender-W", 10L)));
        LoadGenerator.Window window = new LoadGenerator.Window(30_000, 0, 20, new long[]{1_000_000}, null,
                new CpuWatch.Usage(20, 1.5, 0.3, 0.0, 0.0, 0, "", shares), 300, WARM);
        Report report = new Report(List.of(), List.of(new Report.Row("rotor oauth2", false, 32, window,
                new MachineSpeed.Reading(2_000, 2_000), null)), 0.2);

        String md = report.markdown();

        assertTrue(md.contains("| system | clients | request threads | event loops | group commit | JIT compiler | GC and VM | other | warm-up (s) |"), md);
        assertTrue(md.contains("| rotor oauth2 | 32 | 50% | 14% | 17% | 15% | 3% | 1% | 15 |"), md);
    }
}
