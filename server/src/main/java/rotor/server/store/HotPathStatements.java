package rotor.server.store;

import rotor.server.engine.TokenStore.Presented;
import rotor.server.engine.TokenStore.Rotation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The statements of a refresh in plain JDBC, on whichever connection the caller holds: the lookup
 * of a presented token with its grant in one query, and a rotation in at most three statements (two on PostgreSQL).
 * Every other read and write goes through the Micronaut Data repositories; these run on every
 * refresh, where a repository call's overhead showed up in the profile (bench/RESULTS.md).
 */
final class HotPathStatements {

    private static final String FIND = "SELECT t.token_hash, t.grant_id, t.parent_hash, t.generation, t.scope, t.issued_at,"
            + " t.expires_at, t.used_at, t.reissues, t.superseded, g.dialect, g.tenant, g.subject, g.scope, g.client_id,"
            + " g.created_at, g.expires_at, g.last_used_at, g.revoked_at, g.revoked_reason"
            + " FROM refresh_token t JOIN token_grant g ON g.id = t.grant_id WHERE t.token_hash = ?";

    // Spent only while unspent and while its grant is live: a revocation that committed after the
    // engine read the grant wins, and the engine then settles the refresh in a transaction of its own.
    private static final String SPEND = "UPDATE refresh_token SET used_at = ? WHERE token_hash = ? AND used_at IS NULL"
            + " AND EXISTS (SELECT 1 FROM token_grant g WHERE g.id = refresh_token.grant_id AND g.revoked_at IS NULL)";

    private static final String ADD = "INSERT INTO refresh_token (token_hash, grant_id, parent_hash, generation, scope, issued_at,"
            + " expires_at, used_at, reissues, superseded) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 0, FALSE)";

    // PostgreSQL runs the spend and the insert as one statement (a data-modifying WITH, which H2
    // lacks): one round trip and one execution on the committer's connection instead of two. The
    // insert adds a row only when the update spent one, so the two stay one decision.
    private static final String SPEND_AND_ADD = "WITH spent AS (" + SPEND + " RETURNING token_hash)"
            + " INSERT INTO refresh_token (token_hash, grant_id, parent_hash, generation, scope, issued_at,"
            + " expires_at, used_at, reissues, superseded) SELECT ?, ?, ?, ?, ?, ?, ?, NULL, 0, FALSE FROM spent";

    private static final String TOUCH = "UPDATE token_grant SET last_used_at = ? WHERE id = ?";

    private HotPathStatements() {
    }

    static Optional<Presented> find(Connection connection, String tokenHash) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setString(1, tokenHash);
            try (ResultSet row = find.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                UUID grantId = row.getObject(2, UUID.class);
                RefreshTokenRecord token = new RefreshTokenRecord(row.getString(1), grantId, row.getString(3), row.getInt(4),
                        row.getString(5), instant(row, 6), instant(row, 7), instant(row, 8), row.getInt(9), row.getBoolean(10));
                GrantRecord grant = new GrantRecord(grantId, row.getString(11), row.getString(12), row.getString(13),
                        row.getString(14), row.getString(15), instant(row, 16), instant(row, 17), instant(row, 18),
                        instant(row, 19), row.getString(20));
                return Optional.of(new Presented(token, grant));
            }
        }
    }

    /**
     * A rotation as the group commit's work. On PostgreSQL, unless the grant's last use is
     * written too, it is one statement, which the committer sends in one JDBC batch with its
     * neighbours: one round trip for a whole batch of rotations.
     */
    static GroupCommit.Work<Boolean> rotation(Rotation rotation, boolean postgres) {
        if (postgres && !rotation.touchGrant()) {
            return new SpendAndAdd(rotation.successor());
        }
        return connection -> rotate(connection, rotation, postgres);
    }

    /** PostgreSQL's spend and insert in one statement; true when it spent the token. */
    private record SpendAndAdd(RefreshTokenRecord successor) implements GroupCommit.Statement<Boolean> {
        @Override
        public String sql() {
            return SPEND_AND_ADD;
        }

        @Override
        public void bind(PreparedStatement statement) throws SQLException {
            statement.setObject(1, timestamp(successor.issuedAt()));
            statement.setString(2, successor.parentHash());
            setSuccessor(statement, 3, successor);
        }

        @Override
        public Boolean answer(int updateCount) {
            return updateCount == 1;
        }
    }

    /**
     * Spends the token and adds its successor, when the token was unspent and its grant live.
     *
     * @param oneStatement true on PostgreSQL, where both are one statement
     */
    static boolean rotate(Connection connection, Rotation rotation, boolean oneStatement) throws SQLException {
        RefreshTokenRecord successor = rotation.successor();
        Instant at = successor.issuedAt();
        if (oneStatement) {
            if (!new SpendAndAdd(successor).apply(connection)) {
                return false;
            }
        } else {
            try (PreparedStatement spend = connection.prepareStatement(SPEND)) {
                spend.setObject(1, timestamp(at));
                spend.setString(2, successor.parentHash());
                if (spend.executeUpdate() != 1) {
                    return false;
                }
            }
            try (PreparedStatement add = connection.prepareStatement(ADD)) {
                setSuccessor(add, 1, successor);
                add.executeUpdate();
            }
        }
        if (rotation.touchGrant()) {
            try (PreparedStatement touch = connection.prepareStatement(TOUCH)) {
                touch.setObject(1, timestamp(at));
                touch.setObject(2, successor.grantId());
                touch.executeUpdate();
            }
        }
        return true;
    }

    /** The successor's seven columns of {@link #ADD}, from the parameter at {@code first}. */
    private static void setSuccessor(PreparedStatement add, int first, RefreshTokenRecord successor) throws SQLException {
        add.setString(first, successor.tokenHash());
        add.setObject(first + 1, successor.grantId());
        add.setString(first + 2, successor.parentHash());
        add.setInt(first + 3, successor.generation());
        if (successor.scope() == null) {
            add.setNull(first + 4, Types.VARCHAR);
        } else {
            add.setString(first + 4, successor.scope());
        }
        add.setObject(first + 5, timestamp(successor.issuedAt()));
        add.setObject(first + 6, timestamp(successor.expiresAt()));
    }

    private static OffsetDateTime timestamp(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
