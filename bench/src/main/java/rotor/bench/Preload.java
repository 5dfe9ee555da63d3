package rotor.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * {@code --preload N}: fills a fresh store with N live grants and their history before rotor
 * serves the benchmark, to show that a refresh costs the same in a store of a million grants as in
 * one of a thousand. Each grant gets what a grant that rotated twice leaves behind: its creation in
 * the audit trail, two spent refresh tokens and one live one, under random token hashes.
 *
 * <p>It writes with plain JDBC batches, so it runs in a process of its own with the drivers on its
 * classpath (target/lib), while the harness itself needs the JDK only.
 */
public final class Preload {

    private static final int GRANTS_PER_COMMIT = 5_000;
    private static final int TOKENS_PER_GRANT = 3;

    private Preload() {
    }

    /** Runs the preload as a child process and waits for it (bounded). */
    static void run(Options options, String jdbcUrl, String user, String password, long grants, Path log)
            throws IOException, InterruptedException {
        Path code = Path.of(Preload.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path lib = code.getParent().resolve("lib");
        Process process = new ProcessBuilder(List.of(options.serverJava(), "-cp", code + File.pathSeparator + lib.resolve("*"),
                Preload.class.getName(), jdbcUrl, user, password, Long.toString(grants)))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("the preload of " + grants + " grants failed: see " + log + "\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    public static void main(String[] args) throws SQLException {
        long grants = Long.parseLong(args[3]);
        long started = System.nanoTime();
        fill(args[0], args[1], args[2], grants);
        System.out.printf("preloaded %,d grants with %,d refresh tokens in %.1f s%n", grants, grants * TOKENS_PER_GRANT,
                (System.nanoTime() - started) / 1e9);
    }

    /** Fills the store at the URL with that many grants and their history, then settles it. */
    static void fill(String jdbcUrl, String user, String password, long grants) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            connection.setAutoCommit(false);
            fill(connection, grants);
            connection.setAutoCommit(true);
            settle(connection, jdbcUrl.startsWith("jdbc:h2:"));
        }
    }

    /**
     * Leaves the store as one that grew a refresh at a time would be, not as a bulk load leaves it.
     * H2 writes the pages each commit changes into a new chunk; a load that changes random index
     * pages in every commit leaves most chunks mostly dead. A million grants made a 7.6 GB file
     * holding 610 MB (24% of its chunks live), and rotor then wrote 40-90 KB per refresh on it
     * against 7 KB on a compacted one (bench/RESULTS.md, session 23). SHUTDOWN COMPACT rewrites the
     * file whole, as H2's background thread keeps doing, a little at a time, for a store that grows
     * by refreshes. On PostgreSQL, VACUUM ANALYZE sets the new rows' hint bits and visibility map
     * and the planner's statistics, which the first reads and autovacuum would otherwise do during
     * the measurement.
     */
    private static void settle(Connection connection, boolean h2) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(h2 ? "SHUTDOWN COMPACT" : "VACUUM ANALYZE token_grant, refresh_token, audit_event");
        }
    }

    private static void fill(Connection connection, long grants) throws SQLException {
        SecureRandom random = new SecureRandom();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime expires = now.plus(Duration.ofDays(30));
        try (PreparedStatement grant = connection.prepareStatement("INSERT INTO token_grant (id, dialect, tenant, subject, scope,"
                + " client_id, created_at, expires_at, last_used_at) VALUES (?, 'onboard', 'default', ?, 'read', NULL, ?, ?, ?)");
             PreparedStatement token = connection.prepareStatement("INSERT INTO refresh_token (token_hash, grant_id, parent_hash,"
                     + " generation, scope, issued_at, expires_at, used_at, reissues, superseded)"
                     + " VALUES (?, ?, ?, ?, 'read', ?, ?, ?, 0, FALSE)");
             PreparedStatement audit = connection.prepareStatement("INSERT INTO audit_event (id, grant_id, event_type, detail,"
                     + " occurred_at) VALUES (?, ?, 'GRANT_CREATED', 'dialect=onboard', ?)")) {
            for (long n = 1; n <= grants; n++) {
                UUID id = UUID.randomUUID();
                grant.setObject(1, id);
                grant.setString(2, "preload-" + n);
                grant.setObject(3, now);
                grant.setObject(4, expires);
                grant.setObject(5, now);
                grant.addBatch();
                String parent = null;
                for (int generation = 1; generation <= TOKENS_PER_GRANT; generation++) {
                    String hash = randomHash(random);
                    token.setString(1, hash);
                    token.setObject(2, id);
                    token.setString(3, parent);
                    token.setInt(4, generation);
                    token.setObject(5, now);
                    token.setObject(6, expires);
                    token.setObject(7, generation < TOKENS_PER_GRANT ? now : null);
                    token.addBatch();
                    parent = hash;
                }
                audit.setObject(1, UUID.randomUUID());
                audit.setObject(2, id);
                audit.setObject(3, now);
                audit.addBatch();
                if (n % GRANTS_PER_COMMIT == 0 || n == grants) {
                    grant.executeBatch();
                    token.executeBatch();
                    audit.executeBatch();
                    connection.commit();
                }
            }
        }
    }

    /**
     * What RefreshTokenHashes stores: the issue time in 12 hex digits, then the base64url SHA-256
     * (43 characters; random here, as real ones look). The time is the moment of the insert, so
     * the preloaded rows lie in the index in the order a store that issued them would hold them.
     */
    private static String randomHash(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return String.format("%012x", System.currentTimeMillis()) + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
