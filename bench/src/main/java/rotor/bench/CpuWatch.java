package rotor.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time, storage writes and memory from Linux's /proc, read at the start and the end of a
 * measured window.
 *
 * <p>Who used the CPU: the machine's busy time (user + nice + system of /proc/stat), the server's
 * and this process's own (utime + stime of /proc/&lt;pid&gt;/stat), and the rest, which is other
 * processes. irq and softirq time is left out of the machine's total on purpose: loopback traffic
 * is processed in softirq and charged to no process, so counting it would call the benchmark's own
 * network work "others". Steal (time the hypervisor gave to other guests) is reported, not judged.
 * All in clock ticks of USER_HZ, which Linux fixes at 100 for /proc. Storage writes are the
 * server's write_bytes of /proc/&lt;pid&gt;/io (with a local PostgreSQL's, as for the CPU): what it
 * sent towards the disk, whatever the machine's speed, so a store change shows in it without noise.
 */
final class CpuWatch {

    static final double TICKS_PER_SECOND = 100.0;
    private static final Path PROC = Path.of("/proc");

    /** Ticks of one moment. {@code processes} is every process then (pid to ticks), to name culprits. */
    record Snapshot(long nanos, long busy, long steal, long server, long self, long serverWriteBytes,
                    Map<Long, Long> processes, Map<Long, String> names, Map<Long, Long> parents,
                    Map<Long, Map.Entry<String, Long>> serverThreads) {
    }

    /**
     * What a window came to, in cores (1.0 = one core busy the whole window).
     *
     * @param serverThreads each kind of the server JVM's threads ({@link ServerThreads#KINDS}) with
     *                      its share of that JVM's CPU in the window
     */
    record Usage(double seconds, double serverCores, double selfCores, double otherCores, double stealCores,
                 long serverWriteBytes, String topOthers, Map<String, Double> serverThreads) {
    }

    private final long serverPid;
    private final boolean countPostgres;
    private final long storePid;
    private final long selfPid = ProcessHandle.current().pid();

    /**
     * @param countPostgres whether a local PostgreSQL is the server's store, its CPU the server's (a
     *                      PostgreSQL run); otherwise processes named postgres are others
     * @param storePid      that PostgreSQL's postmaster: it and its children count; 0 for every
     *                      process named postgres on the machine
     */
    CpuWatch(long serverPid, boolean countPostgres, long storePid) {
        this.serverPid = serverPid;
        this.countPostgres = countPostgres;
        this.storePid = storePid;
    }

    Snapshot snapshot() {
        long[] cpu = machine();
        Map<Long, Long> processes = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        Map<Long, Long> parents = new HashMap<>();
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(PROC, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path dir : pids) {
                long pid = Long.parseLong(dir.getFileName().toString());
                String stat = read(dir.resolve("stat"));
                if (stat != null) {
                    processes.put(pid, ticks(stat));
                    names.put(pid, name(stat));
                    parents.put(pid, Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc: this benchmark needs Linux", e);
        }
        long server = 0;
        long serverWrites = 0;
        for (Map.Entry<Long, Long> e : processes.entrySet()) {
            if (e.getKey() == serverPid || partOfServer(e.getKey(), parents.get(e.getKey()), names.get(e.getKey()))) {
                server += e.getValue();
                serverWrites += writeBytes(e.getKey());
            }
        }
        return new Snapshot(System.nanoTime(), cpu[0], cpu[1], server, processes.getOrDefault(selfPid, 0L), serverWrites,
                processes, names, parents, serverThreads());
    }

    /** The server's threads' ticks now, for a judgement between two moments ({@link WarmUp}). */
    Map<Long, Map.Entry<String, Long>> serverThreads() {
        return ServerThreads.read(serverPid);
    }

    Usage between(Snapshot start, Snapshot end) {
        double seconds = (end.nanos() - start.nanos()) / 1e9;
        double perCore = seconds * TICKS_PER_SECOND;
        long server = end.server() - start.server();
        long self = end.self() - start.self();
        long others = Math.max(0, (end.busy() - start.busy()) - server - self);
        return new Usage(seconds, server / perCore, self / perCore, others / perCore,
                (end.steal() - start.steal()) / perCore, Math.max(0, end.serverWriteBytes() - start.serverWriteBytes()),
                topOthers(start, end, perCore), ServerThreads.shares(start.serverThreads(), end.serverThreads()));
    }

    /** True for the processes the system under test consists of besides the server: a local PostgreSQL's. */
    private boolean partOfServer(long pid, Long parent, String name) {
        if (!countPostgres) {
            return false;
        }
        return storePid == 0 ? name.startsWith("postgres") : pid == storePid || (parent != null && parent == storePid);
    }

    /** The server's resident memory now (VmRSS), in MiB. */
    double rssMiB() {
        String status = read(PROC.resolve(Long.toString(serverPid)).resolve("status"));
        if (status == null) {
            return Double.NaN;
        }
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    /** The three processes, other than the server and this one, that used the most CPU in the window. */
    private String topOthers(Snapshot start, Snapshot end, double perCore) {
        List<Map.Entry<Long, Long>> used = new ArrayList<>();
        for (Map.Entry<Long, Long> e : end.processes().entrySet()) {
            long before = start.processes().getOrDefault(e.getKey(), 0L);
            if (e.getKey() != selfPid && e.getKey() != serverPid
                    && !partOfServer(e.getKey(), end.parents().get(e.getKey()), end.names().get(e.getKey()))
                    && e.getValue() - before > 0) {
                used.add(Map.entry(e.getKey(), e.getValue() - before));
            }
        }
        return used.stream().sorted(Map.Entry.<Long, Long>comparingByValue(Comparator.reverseOrder())).limit(3)
                .map(e -> end.names().get(e.getKey()) + " (pid " + e.getKey() + ") "
                        + String.format("%.2f", e.getValue() / perCore) + " cores")
                .collect(Collectors.joining(", "));
    }

    /** write_bytes of /proc/&lt;pid&gt;/io; 0 when the process is gone or the kernel keeps no I/O accounting. */
    private static long writeBytes(long pid) {
        String io = read(PROC.resolve(Long.toString(pid)).resolve("io"));
        if (io != null) {
            for (String line : io.split("\n")) {
                if (line.startsWith("write_bytes:")) {
                    return Long.parseLong(line.substring("write_bytes:".length()).trim());
                }
            }
        }
        return 0;
    }

    /** [busy, steal] from the first line of /proc/stat: cpu user nice system idle iowait irq softirq steal ... */
    private static long[] machine() {
        String stat = read(PROC.resolve("stat"));
        if (stat == null) {
            throw new IllegalStateException("cannot read /proc/stat: this benchmark needs Linux");
        }
        String[] f = stat.substring(0, stat.indexOf('\n')).trim().split("\\s+");
        long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]);
        long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
        return new long[]{busy, steal};
    }

    /** The command name of a /proc/&lt;pid&gt;/stat (or a thread's task/&lt;tid&gt;/stat) line, between its parentheses. */
    static String name(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    /** utime + stime: fields 14 and 15 of /proc/&lt;pid&gt;/stat, counted after the command name in parentheses. */
    static long ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** The file's text, or null when it is gone (a process or thread that ended) or unreadable. */
    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException gone) {
            return null; // a process that ended between listing and reading
        }
    }
}
