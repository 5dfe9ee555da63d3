package rotor.server.store.schema;

import io.micronaut.core.annotation.Nullable;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The newest row of Flyway's schema history table, read with one query. */
final class SchemaHistory {

    @Nullable
    private final String version;
    private final boolean success;

    private SchemaHistory(@Nullable String version, boolean success) {
        this.version = version;
        this.success = success;
    }

    /** The store's history; on an empty store (no history table) or one that cannot be read, none. */
    static SchemaHistory of(DataSource dataSource, @Nullable String schema) {
        String table = schema == null ? "flyway_schema_history" : '"' + schema.replace("\"", "\"\"") + "\".flyway_schema_history";
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.setMaxRows(1);
            try (ResultSet newest = statement.executeQuery("SELECT version, success FROM " + table + " ORDER BY installed_rank DESC")) {
                return newest.next() ? new SchemaHistory(newest.getString(1), newest.getBoolean(2)) : none();
            }
        } catch (SQLException noHistory) {
            // Flyway then finds out for itself what the store holds, and says so if it cannot reach it.
            return none();
        }
    }

    private static SchemaHistory none() {
        return new SchemaHistory(null, false);
    }

    /** Whether the last migration applied to the store was the given version, and it succeeded. */
    boolean isAt(String latest) {
        return success && latest.equals(version);
    }
}
