package rotor.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** How to start each system under test: rotor's packaged server on a store of its own, and the ceiling. */
final class Systems {

    private final Options options;
    private final Path benchCode;
    private final Path benchTarget;

    /**
     * @param benchCode where this module's classes are (rotor-bench.jar, or target/classes in the smoke spec)
     */
    Systems(Options options, Path benchCode) {
        this.options = options;
        this.benchCode = benchCode;
        this.benchTarget = benchCode.getParent();
    }

    /**
     * A started rotor with a fresh store (a new H2 data directory, or a new schema in the PostgreSQL
     * given), first filled with {@code preload} grants. H2 allows one process per file: rotor starts
     * once to create the schema, stops, and starts again after the preload.
     */
    Rotor rotor(String adminToken, String label, long preload) throws IOException {
        if (!Files.isRegularFile(options.serverJar())) {
            throw new IllegalStateException("no server jar at " + options.serverJar()
                    + ": build it first (./mvnw -B -q -DskipTests package)");
        }
        Path data = Files.createTempDirectory("rotor-bench-");
        Map<String, String> env = new HashMap<>();
        env.put("ROTOR_DATA_DIR", data.toString());
        env.put("ROTOR_ADMIN_TOKEN", adminToken);
        if (options.postgres()) {
            // A schema of its own per run: the store starts empty, and a master key that differs from
            // an earlier run's never meets that run's sealed signing keys.
            String schema = "rotor_bench_" + Long.toHexString(System.currentTimeMillis());
            String url = options.jdbcUrl() + (options.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
            env.put("DATASOURCES_DEFAULT_URL", url);
            env.put("DATASOURCES_DEFAULT_DRIVER_CLASS_NAME", "org.postgresql.Driver");
            env.put("DATASOURCES_DEFAULT_USERNAME", options.jdbcUser() == null ? "postgres" : options.jdbcUser());
            env.put("DATASOURCES_DEFAULT_PASSWORD", options.jdbcPassword() == null ? "" : options.jdbcPassword());
            env.put("ROTOR_STORE_SCHEMA", schema);
            env.put("ROTOR_MASTER_KEY", randomKey());
        }
        List<String> command = new ArrayList<>(options.serverOptions());
        command.addAll(List.of("-jar", options.serverJar().toString()));
        Path log = options.out().resolve(label + ".log");
        ServerProcess server = ServerProcess.start(label, options.serverJava(), command, env, "/health", log);
        if (preload > 0) {
            try {
                if (options.postgres()) {
                    Preload.run(options, env.get("DATASOURCES_DEFAULT_URL"), env.get("DATASOURCES_DEFAULT_USERNAME"),
                            env.get("DATASOURCES_DEFAULT_PASSWORD"), preload, options.out().resolve(label + "-preload.log"));
                } else {
                    server.close();
                    Preload.run(options, "jdbc:h2:file:" + data.resolve("rotor") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                            "sa", "", preload, options.out().resolve(label + "-preload.log"));
                    server = ServerProcess.start(label, options.serverJava(), command, env, "/health",
                            options.out().resolve(label + "-after-preload.log"));
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                server.close();
                throw new IllegalStateException("interrupted during the preload", interrupted);
            }
        }
        return new Rotor(server, data);
    }

    /** The ceiling, on this module's classes and the Micronaut jars in target/ceiling-lib (nothing of rotor's). */
    ServerProcess ceiling() {
        Path lib = benchTarget.resolve("ceiling-lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("no " + lib + ": build the bench module (./mvnw -B -q -pl bench -am package -DskipTests)");
        }
        String classpath = benchCode + java.io.File.pathSeparator + lib.resolve("*");
        return ServerProcess.start("ceiling", options.serverJava(), List.of("-cp", classpath,
                        "-Dlogback.configurationFile=ceiling-logback.xml", "rotor.bench.ceiling.CeilingServer"),
                Map.of(), "/health", options.out().resolve("ceiling.log"));
    }

    String storeDescription() {
        if (options.postgres()) {
            return "PostgreSQL at " + options.jdbcUrl().replaceAll("password=[^&]*", "password=...") + ", a new schema per run";
        }
        return "H2 in file mode as the server runs by default (every commit written and forced to disk before it is answered), a new data directory per run";
    }

    static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** A running rotor and the data directory it owns; closing stops it and removes the directory. */
    record Rotor(ServerProcess server, Path data) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
