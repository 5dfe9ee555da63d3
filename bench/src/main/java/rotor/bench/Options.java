package rotor.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The command line of one benchmark run, with the defaults the README documents. */
record Options(List<BenchDialect> dialects, List<Integer> concurrency, Duration warmup, Duration warmupMost, double jitLimit,
               Duration duration,
               Path serverJar, String serverJava, Path out, String jdbcUrl, String jdbcUser, String jdbcPassword,
               double noiseLimitCores, double driftLimit, int retries, boolean allowNoise, boolean skipCeiling, List<String> serverOptions,
               long storePid, List<Long> preloads) {

    static final String USAGE = """
            java -jar bench/target/rotor-bench.jar [options]
              --dialect oauth2[,onboard,...]   oauth2, partner, session, dayzero, onboard (default oauth2)
              --concurrency 1,8,32             closed-loop clients, each with its own grant (default 1,8,32)
              --warmup 15s --duration 20s      per concurrency level: unmeasured, then measured
              --warmup-most 180s               a warm-up goes on past --warmup until the server's JIT compiler
              --jit-limit 0.05                 used at most this share of its CPU over the last 5 s, or for
                                               at most this long; a window in which it used more is noisy
              --server-jar PATH                default: server/target/rotor.jar beside this module
              --server-java PATH               the java that runs rotor and the ceiling (default: this one)
              --server-option OPT              a JVM option for rotor (not the ceiling); repeatable, e.g. -Xmx256m
              --jdbc-url URL --jdbc-user U --jdbc-password P    PostgreSQL instead of a fresh H2 file store
              --out DIR                        default: bench/results/<date-time>
              --store-pid PID                  the PostgreSQL postmaster's pid: it and its children are the store
                                               (default: every process named postgres)
              --noise-limit 0.25               cores that other processes may use in a measured window
              --drift-limit 0.2                how much the machine's speed (P-256 signatures/s on one thread,
                                               before a warm-up and after its window) may change across a window
              --retries 2                      how often a noisy level is measured again before refusing
                                               (with --allow-noise, before reporting it; 0 reports the first)
              --allow-noise                    report noisy windows (marked) instead of refusing
              --skip-ceiling                   rotor only, no ceiling rows and no shares
              --preload 1000,1000000           rotor once per figure, its store first filled with that many live
                                               grants and their history (3 tokens each); default 0
              --jmh [JMH options]              run the JMH benchmarks instead (all options after it go to JMH)
            """;

    static Options parse(String[] args, Path benchTarget) {
        List<BenchDialect> dialects = List.of(BenchDialect.OAUTH2);
        List<Integer> concurrency = List.of(1, 8, 32);
        Duration warmup = Duration.ofSeconds(15);
        Duration warmupMost = Duration.ofSeconds(180);
        double jitLimit = 0.05;
        Duration duration = Duration.ofSeconds(20);
        Path serverJar = benchTarget.resolve("../../server/target/rotor.jar").normalize();
        String serverJava = ProcessHandle.current().info().command().orElse("java");
        Path out = null;
        String jdbcUrl = null;
        String jdbcUser = null;
        String jdbcPassword = null;
        double noise = 0.25;
        double drift = 0.2;
        int retries = 2;
        boolean allowNoise = false;
        boolean skipCeiling = false;
        List<String> serverOptions = new ArrayList<>();
        long storePid = 0;
        List<Long> preloads = List.of(0L);
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            switch (name) {
                case "--allow-noise" -> allowNoise = true;
                case "--skip-ceiling" -> skipCeiling = true;
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("unknown option or missing value: " + name + "\n" + USAGE);
                    }
                    String value = args[++i];
                    switch (name) {
                        case "--dialect" -> dialects = split(value).stream().map(BenchDialect::named).toList();
                        case "--concurrency" -> concurrency = split(value).stream().map(Integer::parseInt).toList();
                        case "--warmup" -> warmup = duration(value);
                        case "--warmup-most" -> warmupMost = duration(value);
                        case "--jit-limit" -> jitLimit = Double.parseDouble(value);
                        case "--duration" -> duration = duration(value);
                        case "--server-jar" -> serverJar = Path.of(value);
                        case "--server-java" -> serverJava = value;
                        case "--out" -> out = Path.of(value);
                        case "--jdbc-url" -> jdbcUrl = value;
                        case "--jdbc-user" -> jdbcUser = value;
                        case "--jdbc-password" -> jdbcPassword = value;
                        case "--noise-limit" -> noise = Double.parseDouble(value);
                        case "--drift-limit" -> drift = Double.parseDouble(value);
                        case "--retries" -> retries = Integer.parseInt(value);
                        case "--server-option" -> serverOptions.add(value);
                        case "--store-pid" -> storePid = Long.parseLong(value);
                        case "--preload" -> preloads = split(value).stream().map(Long::parseLong).toList();
                        default -> throw new IllegalArgumentException("unknown option: " + name + "\n" + USAGE);
                    }
                }
            }
        }
        if (out == null) {
            out = benchTarget.resolve("../results").normalize()
                    .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        }
        if (concurrency.isEmpty() || concurrency.stream().anyMatch(c -> c < 1)) {
            throw new IllegalArgumentException("--concurrency takes positive whole numbers");
        }
        return new Options(dialects, concurrency, warmup, warmupMost, jitLimit, duration, serverJar, serverJava, out, jdbcUrl, jdbcUser,
                jdbcPassword, noise, drift, retries, allowNoise, skipCeiling, List.copyOf(serverOptions),
                storePid, preloads);
    }

    int maxConcurrency() {
        return concurrency.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    boolean postgres() {
        return jdbcUrl != null;
    }

    private static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                parts.add(part.trim());
            }
        }
        return parts;
    }

    /** 15s, 500ms, 2m; a bare number is seconds. */
    static Duration duration(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
        }
        if (v.endsWith("m")) {
            return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)) * 60);
        }
        return Duration.ofSeconds(Long.parseLong(v));
    }
}
