package rotor.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server JVM's CPU by kind of thread, from /proc/&lt;pid&gt;/task: which part of the process
 * the cores went to. A profiler cannot say this alone: JFR's CPU samples leave out the JIT
 * compiler's and the garbage collector's threads, and on 2 cores the compiler still takes a
 * sizeable share of a window after a short warm-up, which the table should show rather than hide.
 */
final class ServerThreads {

    /** The kinds, in the order the report lists them. */
    static final String JIT = "JIT compiler";
    static final String JVM = "GC and VM";
    static final String EVENT_LOOPS = "event loops";
    static final String REQUESTS = "request threads";
    static final String GROUP_COMMIT = "group commit";
    static final String OTHER = "other";
    static final String[] KINDS = {REQUESTS, EVENT_LOOPS, GROUP_COMMIT, JIT, JVM, OTHER};

    private ServerThreads() {
    }

    /**
     * The kind of a thread by its name as Linux keeps it (the first 15 characters). Virtual
     * threads run on the ForkJoinPool's carrier threads, so their work is charged to those.
     */
    static String kind(String comm) {
        if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
            return JIT;
        }
        if (comm.startsWith("VM Thread") || comm.startsWith("GC Thread") || comm.startsWith("VM Periodic")
                || comm.startsWith("G1 ") || comm.startsWith("Service Thread")) {
            return JVM;
        }
        if (comm.contains("eventLo") || comm.contains("EventLo")) { // Netty's, as cut to 15 characters
            return EVENT_LOOPS;
        }
        if (comm.startsWith("ForkJoinPool") || comm.startsWith("virtual-executor") || comm.startsWith("io-executor")) {
            return REQUESTS;
        }
        if (comm.startsWith("rotor-group-com")) {
            return GROUP_COMMIT;
        }
        return OTHER;
    }

    /** Ticks (utime + stime) per thread id of the process now, each with its name; empty once it is gone. */
    static Map<Long, Map.Entry<String, Long>> read(long pid) {
        Map<Long, Map.Entry<String, Long>> threads = new HashMap<>();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tasks)) {
            for (Path dir : dirs) {
                String stat = CpuWatch.read(dir.resolve("stat")); // null for a thread that ended since the listing
                if (stat != null) {
                    threads.put(Long.parseLong(dir.getFileName().toString()), Map.entry(CpuWatch.name(stat), CpuWatch.ticks(stat)));
                }
            }
        } catch (IOException | RuntimeException gone) {
            return Map.of();
        }
        return threads;
    }

    /**
     * Each kind's share of the ticks that the process's threads used between two readings. A thread
     * that started in the window counts from zero; one that ended in it is missing from the end
     * reading, so its ticks are lost (the shares are of what remains).
     */
    static Map<String, Double> shares(Map<Long, Map.Entry<String, Long>> start, Map<Long, Map.Entry<String, Long>> end) {
        Map<String, Long> ticks = new HashMap<>();
        long total = 0;
        for (Map.Entry<Long, Map.Entry<String, Long>> t : end.entrySet()) {
            Map.Entry<String, Long> before = start.get(t.getKey());
            long used = t.getValue().getValue() - (before == null ? 0 : before.getValue());
            if (used > 0) {
                ticks.merge(kind(t.getValue().getKey()), used, Long::sum);
                total += used;
            }
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        for (String kind : KINDS) {
            shares.put(kind, total == 0 ? Double.NaN : ticks.getOrDefault(kind, 0L) / (double) total);
        }
        return shares;
    }
}
