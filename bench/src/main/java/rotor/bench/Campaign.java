package rotor.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One run: the ceiling first, then rotor once per dialect, each on a fresh server process, every
 * concurrency level after its own warm-up ({@link WarmUp}). A level in which other processes used
 * more CPU than the limit, across which the machine's own speed changed by more than the drift
 * limit, or in which the server's JIT compiler was still busy, is measured again (the server stays
 * warm), up to the retries allowed.
 */
final class Campaign {

    private final Options options;
    private final Systems systems;
    private final Consumer<String> progress;
    private final MachineSpeed speed = new MachineSpeed();

    Campaign(Options options, Systems systems, Consumer<String> progress) {
        this.options = options;
        this.systems = systems;
        this.progress = progress;
    }

    List<Report.Row> run() throws IOException {
        List<Report.Row> rows = new ArrayList<>();
        BenchDialect shape = options.dialects().get(0);
        if (!options.skipCeiling()) {
            try (ServerProcess ceiling = systems.ceiling()) {
                Provisioning.Chains chains = Provisioning.unchecked(shape, options.maxConcurrency());
                LoadGenerator load = new LoadGenerator(ceiling.base(), shape, BenchDialect.Answers.SNAKE, chains.basicAuth(),
                        chains.firstTokens());
                rows.addAll(levels("ceiling", true, load, new CpuWatch(ceiling.pid(), false, 0)));
            }
        }
        for (BenchDialect dialect : options.dialects()) {
            for (long preload : options.preloads()) {
                rows.addAll(rotor(dialect, preload));
            }
        }
        return rows;
    }

    private List<Report.Row> rotor(BenchDialect dialect, long preload) throws IOException {
        String adminToken = Systems.randomKey();
        String label = "rotor " + dialect.wireName() + (preload > 0 ? String.format(", %,d grants", preload) : "");
        if (preload > 0) {
            progress.accept(String.format("%s: filling its store with %,d grants and their history", label, preload));
        }
        try (Systems.Rotor rotor = systems.rotor(adminToken, "rotor-" + dialect.wireName() + (preload > 0 ? "-" + preload : ""), preload)) {
            HttpClient admin = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Provisioning.Chains chains = new Provisioning(admin, rotor.server().base(), adminToken)
                    .grants(dialect, options.maxConcurrency());
            LoadGenerator load = new LoadGenerator(rotor.server().base(), dialect, dialect.nextToken(), chains.basicAuth(),
                    chains.firstTokens());
            return levels(label, false, load, new CpuWatch(rotor.server().pid(), options.postgres(), options.storePid()));
        }
    }

    private List<Report.Row> levels(String system, boolean ceiling, LoadGenerator load, CpuWatch watch) {
        List<Report.Row> rows = new ArrayList<>();
        for (int clients : options.concurrency()) {
            Duration warmup = options.warmup();
            for (int attempt = 0; ; attempt++) {
                progress.accept(String.format("%s, %d clients: at least %s warm-up, %s measured", system, clients,
                        seconds(warmup), seconds(options.duration())));
                double before = speed.probe();
                LoadGenerator.Window window = load.run(clients, new WarmUp(warmup, options.warmupMost(), options.jitLimit()),
                        options.duration(), watch);
                MachineSpeed.Reading reading = new MachineSpeed.Reading(before, speed.probe());
                String noise = noise(window, reading);
                progress.accept(String.format("  warmed %.0f s%s; %,.0f/s, p99 %.1f ms, %d errors, JIT %s, others %.2f cores,"
                                + " machine %,.0f -> %,.0f signatures/s%s", window.warmUp().took().toMillis() / 1000.0,
                        window.warmUp().settled() ? "" : " (the JIT compiler still busy)", window.perSecond(),
                        window.percentileMillis(0.99), window.errors(), Report.format("%.0f%%", 100 * jitShare(window)),
                        window.cpu().otherCores(), reading.before(), reading.after(), noise == null ? "" : " (noisy: " + noise + ")"));
                if (noise == null || attempt >= options.retries()) {
                    rows.add(new Report.Row(system, ceiling, clients, window, reading, noise));
                    break;
                }
                // Still warm: a short warm-up only settles the load again.
                warmup = Duration.ofSeconds(Math.min(3, options.warmup().toSeconds()));
            }
        }
        return rows;
    }

    /** Why a window is not to be trusted, or null: other processes' CPU first, then the machine's own speed. */
    private String noise(LoadGenerator.Window window, MachineSpeed.Reading reading) {
        if (window.cpu().otherCores() > options.noiseLimitCores()) {
            return Report.format("%.2f", window.cpu().otherCores()) + " cores of other processes: " + window.cpu().topOthers();
        }
        if (reading.drift() > options.driftLimit()) {
            return String.format(Locale.ROOT, "the machine's speed changed by %.0f%% across the window", 100 * reading.drift());
        }
        if (jitShare(window) > options.jitLimit()) {
            return String.format(Locale.ROOT, "the JIT compiler took %.0f%% of the server's CPU in the window (limit %.0f%%):"
                    + " still warming up", 100 * jitShare(window), 100 * options.jitLimit());
        }
        return null;
    }

    private static double jitShare(LoadGenerator.Window window) {
        return window.cpu().serverThreads().getOrDefault(ServerThreads.JIT, Double.NaN);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
