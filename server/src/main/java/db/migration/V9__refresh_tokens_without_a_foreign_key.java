package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops refresh_token's foreign key to token_grant. On H2 it came with an index of grant_id of its
 * own beside refresh_token_by_grant (H2 reuses no index of more columns for it), so every rotation
 * wrote one more random B-tree path into each commit and checked the grant once more; PostgreSQL
 * took a key-share lock on the grant row for every new token. Whether that shows in throughput is
 * not settled: four pairs of runs gave +23% at 32 clients, two later ones none (bench/RESULTS.md,
 * session 10).
 *
 * <p>What the key guarded still holds without it: a token is only ever added for a grant read or
 * created in the same rotation, retention deletes a grant's tokens before the grant (and only of
 * ended grants, which no rotation adds to), and the lookup of a presented token joins its grant,
 * so a token without one is unknown.
 *
 * <p>A Java migration (Flyway finds it in the db/migration package as it finds the scripts) because
 * the key's name is the database's: H2 generated one from object ids, PostgreSQL
 * refresh_token_grant_id_fkey.
 */
public class V9__refresh_tokens_without_a_foreign_key extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> keys = new ArrayList<>();
        try (ResultSet imported = connection.getMetaData().getImportedKeys(connection.getCatalog(), connection.getSchema(), "refresh_token")) {
            while (imported.next()) {
                keys.add(imported.getString("FK_NAME"));
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String key : keys.stream().distinct().toList()) {
                statement.execute("ALTER TABLE refresh_token DROP CONSTRAINT \"" + key.replace("\"", "\"\"") + "\"");
            }
        }
    }
}
