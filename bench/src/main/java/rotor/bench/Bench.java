package rotor.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code java -jar bench/target/rotor-bench.jar}: the load benchmark of issue 11 (the README's
 * section "Benchmark"), or with {@code --jmh} the JMH benchmarks of the refresh's parts.
 *
 * <p>Exit codes: 0 reported; 1 failed (a server did not start, a bad option); 2 refused, because
 * other processes used the CPU in a measured window (see {@link CpuWatch}).
 */
public final class Bench {

    static final int REFUSED = 2;

    /** What a run came to, for the smoke spec: the exit code, and the report's files when there is one. */
    public record Outcome(int exitCode, Report report, Path markdown, Path chart) {

        /** The rows as plain values: system, clients, refreshes per second, errors. */
        public List<Object[]> figures() {
            return report == null ? List.of() : report.rows().stream()
                    .map(r -> new Object[]{r.system(), r.clients(), r.window().perSecond(), r.window().errors()}).toList();
        }
    }

    private Bench() {
    }

    public static void main(String[] args) {
        int code;
        if (helpAsked(args)) {
            System.out.println(Options.USAGE);
            code = 0;
        } else if (args.length > 0 && args[0].equals("--jmh")) {
            code = JmhLauncher.run(Arrays.copyOfRange(args, 1, args.length), code());
        } else {
            try {
                code = run(args, System.out).exitCode();
            } catch (IllegalArgumentException | IllegalStateException e) {
                System.err.println("bench: " + e.getMessage());
                code = 1;
            }
        }
        System.exit(code);
    }

    /** --help or -h before any --jmh (whose options are JMH's own, -h among them). */
    static boolean helpAsked(String[] args) {
        for (String arg : args) {
            if (arg.equals("--jmh")) {
                return false;
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    public static Outcome run(String[] args, PrintStream out) {
        Path code = code();
        Options options = Options.parse(args, code.getParent());
        try {
            Files.createDirectories(options.out());
            Systems systems = new Systems(options, code);
            List<String> context = context(options, systems);
            context.forEach(line -> out.println("# " + line));
            List<Report.Row> rows = new Campaign(options, systems, out::println).run();
            Report report = new Report(context, rows, options.driftLimit());
            List<Report.Row> noisy = rows.stream().filter(Report.Row::noisy).toList();
            if (!noisy.isEmpty() && !options.allowNoise()) {
                out.println(report.markdown());
                out.println("REFUSED: other processes used more than " + options.noiseLimitCores()
                        + " cores, or the machine's speed changed by more than " + Report.format("%.0f%%", 100 * options.driftLimit())
                        + ", in a measured window, after " + options.retries() + " retries: "
                        + noisy.stream().map(r -> r.system() + " at " + r.clients() + " clients (" + r.noise() + ")")
                        .collect(Collectors.joining("; "))
                        + ". Nothing was written: run it again when the machine is quiet (or pass --allow-noise).");
                return new Outcome(REFUSED, null, null, null);
            }
            Path markdown = options.out().resolve("results.md");
            Path chart = options.out().resolve("results.png");
            Files.writeString(markdown, report.markdown());
            Chart.write(report, options.concurrency(), chart);
            out.println();
            out.println(report.markdown());
            out.println("written: " + markdown + ", " + chart);
            return new Outcome(0, report, markdown, chart);
        } catch (IOException e) {
            throw new IllegalStateException("could not write to " + options.out() + ": " + e.getMessage(), e);
        }
    }

    private static List<String> context(Options options, Systems systems) {
        String date = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        List<String> lines = new ArrayList<>(List.of(
                "date: " + date + "; machine: " + Machine.description(),
                "server JVM (rotor and ceiling): " + Machine.javaVersion(options.serverJava()) + ", "
                        + (options.serverOptions().isEmpty() ? "default options" : "rotor with " + String.join(" ", options.serverOptions())),
                "load generator: JDK " + Runtime.version() + " (" + System.getProperty("java.vm.vendor") + "), HttpClient "
                        + "HTTP/1.1 on " + LoadGenerator.threadKind() + ", closed loop, on the same machine",
                "store: " + systems.storeDescription(),
                "per level: at least " + options.warmup().toSeconds() + " s warm-up, longer (at most " + options.warmupMost().toSeconds()
                        + " s) until the server's JIT compiler used at most " + Report.format("%.0f%%", 100 * options.jitLimit())
                        + " of its CPU over 5 s, then " + options.duration().toMillis() / 1000.0
                        + " s measured (a window in which it used more is noisy); one grant per client, rotation on, each client"
                        + " presents its newest refresh token",
                "CPU in cores over the measured window (/proc); \"others\" = the machine's busy time less the server's and "
                        + "the load generator's; a window with others above " + options.noiseLimitCores() + " cores is noisy",
                "machine speed: P-256 signatures/s on one thread of the load generator's JVM, before each level's warm-up and after its "
                        + "window, as a share of the run's first window; a window across which it changed by more than "
                        + Report.format("%.0f%%", 100 * options.driftLimit()) + " is noisy"));
        if (options.postgres()) {
            lines.add("server CPU includes PostgreSQL's: " + (options.storePid() == 0 ? "every process named postgres"
                    : "postmaster " + options.storePid() + " and its children"));
        }
        if (!options.skipCeiling()) {
            lines.add("ceiling: Micronaut/Netty, per request 256 random bits + SHA-256 + one ES256 JWT, no store, measured first in "
                        + "this run with " + options.dialects().get(0).wireName() + "-shaped requests; \"of ceiling\" = rotor's "
                        + "refreshes/s over the ceiling's at the same clients");
        }
        return lines;
    }

    /** This module's code: rotor-bench.jar, or target/classes when run from the build (the smoke spec). */
    static Path code() {
        try {
            return Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
