package rotor.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A preloaded H2 store is as compact as one that grew a refresh at a time, not a bulk load's file
 * of mostly dead chunks, whose rewriting would be measured as rotor's writes.
 */
class PreloadLeavesACompactStoreTest {

    @Test
    void theChunksOfAPreloadedH2StoreAreMostlyLive(@TempDir Path data) throws Exception {
        // The server's empty store at the newest migration, as a first start copies it.
        try (InputStream template = Preload.class.getClassLoader().getResourceAsStream("store-template/rotor.mv.db")) {
            assertNotNull(template, "no store template on the classpath (rotor-server builds it)");
            Files.copy(template, data.resolve("rotor.mv.db"));
        }
        String url = "jdbc:h2:file:" + data.resolve("rotor") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

        Preload.fill(url, "sa", "", 20_000);

        // Opened without H2's background compaction, so that what it reads is what the preload left.
        try (Connection connection = DriverManager.getConnection(url + ";AUTO_COMPACT_FILL_RATE=0", "sa", "");
             Statement statement = connection.createStatement()) {
            assertEquals(20_000, count(statement, "SELECT COUNT(*) FROM token_grant"));
            assertEquals(60_000, count(statement, "SELECT COUNT(*) FROM refresh_token"));
            long fillRate = count(statement, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'info.CHUNKS_FILL_RATE'");
            assertTrue(fillRate >= 80, "the preloaded store's chunks are " + fillRate + "% live");
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return Long.parseLong(row.getString(1));
        }
    }
}
