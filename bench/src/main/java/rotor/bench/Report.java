package rotor.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The run as a Markdown table: every rotor row also as a share of the ceiling at the same concurrency. */
final class Report {

    /**
     * One measured level of one system.
     *
     * @param noise why the window is not to be trusted (other processes, the machine's speed, or the JIT
     *              compiler still busy), or null
     */
    record Row(String system, boolean ceiling, int clients, LoadGenerator.Window window, MachineSpeed.Reading speed,
               String noise) {

        boolean noisy() {
            return noise != null;
        }
    }

    private final List<String> context;
    private final List<Row> rows;
    private final double driftLimit;

    /**
     * @param context    lines that say where and how it was measured (machine, JDKs, store, durations)
     * @param driftLimit how far the machine's speed may differ between a rotor row and its ceiling's
     *                   before the row gets a note (the limit that also judges a single window)
     */
    Report(List<String> context, List<Row> rows, double driftLimit) {
        this.context = context;
        this.rows = rows;
        this.driftLimit = driftLimit;
    }

    List<Row> rows() {
        return rows;
    }

    Set<String> systems() {
        Set<String> systems = new LinkedHashSet<>();
        rows.forEach(r -> systems.add(r.system()));
        return systems;
    }

    Optional<Row> ceilingAt(int clients) {
        return rows.stream().filter(r -> r.ceiling() && r.clients() == clients).findFirst();
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        for (String line : context) {
            md.append("- ").append(line).append('\n');
        }
        md.append('\n');
        md.append("| system | clients | refreshes/s | of ceiling | p50 ms | p90 ms | p99 ms | errors | server CPU (cores) | server CPU per refresh (us) | storage writes per refresh (KB) | server RSS MiB | load gen CPU (cores) | others CPU (cores) | machine speed |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            LoadGenerator.Window w = row.window();
            md.append("| ").append(row.system()).append(row.noisy() ? " (noisy)" : "")
                    .append(" | ").append(row.clients())
                    .append(" | ").append(format("%,.0f", w.perSecond()))
                    .append(" | ").append(share(row))
                    .append(" | ").append(format("%.1f", w.percentileMillis(0.50)))
                    .append(" | ").append(format("%.1f", w.percentileMillis(0.90)))
                    .append(" | ").append(format("%.1f", w.percentileMillis(0.99)))
                    .append(" | ").append(w.errors())
                    .append(" | ").append(format("%.2f", w.cpu().serverCores()))
                    .append(" | ").append(format("%,.0f", w.cpu().serverCores() * 1e6 / w.perSecond()))
                    .append(" | ").append(format("%.1f", w.refreshes() == 0 ? Double.NaN : w.cpu().serverWriteBytes() / 1024.0 / w.refreshes()))
                    .append(" | ").append(format("%.0f", w.serverRssMiB()))
                    .append(" | ").append(format("%.2f", w.cpu().selfCores()))
                    .append(" | ").append(format("%.2f", w.cpu().otherCores()))
                    .append(" | ").append(format("%.0f%%", 100 * row.speed().mean() / rows.get(0).speed().mean()))
                    .append(" |\n");
        }
        threadTable(md);
        List<String> notes = new ArrayList<>();
        for (Row row : rows) {
            if (row.window().firstError() != null) {
                notes.add(row.system() + " at " + row.clients() + " clients, first error: " + abbreviate(row.window().firstError()));
            }
            if (row.noisy()) {
                notes.add(row.system() + " at " + row.clients() + " clients was noisy: " + row.noise());
            }
            ceilingAt(row.clients()).filter(c -> !row.ceiling()).ifPresent(c -> {
                double relative = row.speed().mean() / c.speed().mean();
                if (Math.abs(relative - 1) > driftLimit) {
                    notes.add(row.system() + " at " + row.clients() + " clients ran on a machine at " + format("%.0f%%", 100 * relative)
                            + " of its speed in the ceiling's window: its share of the ceiling says little");
                }
            });
            if (row.window().cpu().stealCores() > 0.05) {
                notes.add(row.system() + " at " + row.clients() + " clients: the hypervisor took "
                        + format("%.2f", row.window().cpu().stealCores()) + " cores (steal)");
            }
        }
        if (!notes.isEmpty()) {
            md.append('\n');
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
    }

    /** Where the server JVM's own CPU went in each window, by kind of thread (see {@link ServerThreads}). */
    private void threadTable(StringBuilder md) {
        md.append("\nShare of the server JVM's CPU by thread (a local PostgreSQL's CPU is not in it):\n\n");
        md.append("| system | clients |");
        for (String kind : ServerThreads.KINDS) {
            md.append(' ').append(kind).append(" |");
        }
        md.append(" warm-up (s) |");
        md.append("\n|---|---:|").append("---:|".repeat(ServerThreads.KINDS.length + 1)).append('\n');
        for (Row row : rows) {
            md.append("| ").append(row.system()).append(" | ").append(row.clients()).append(" |");
            for (String kind : ServerThreads.KINDS) {
                md.append(' ').append(format("%.0f%%", 100 * row.window().cpu().serverThreads().getOrDefault(kind, Double.NaN))).append(" |");
            }
            WarmUp.Outcome warmUp = row.window().warmUp();
            md.append(' ').append(format("%.0f", warmUp.took().toMillis() / 1000.0)).append(warmUp.settled() ? "" : " (JIT still busy)").append(" |");
            md.append('\n');
        }
    }

    private String share(Row row) {
        if (row.ceiling()) {
            return "100%";
        }
        return ceilingAt(row.clients()).map(c -> format("%.0f%%", 100 * row.window().perSecond() / c.window().perSecond())).orElse("n/a");
    }

    private static String abbreviate(String text) {
        String line = text.replace('\n', ' ');
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    static String format(String pattern, double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, pattern, value);
    }
}
