package rotor.server.store;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Writes what an embedded H2 holds committed into its file, including a chunk that H2's own
 * writer threads are still writing, and forces the file to the disk if asked.
 *
 * <p>With WRITE_DELAY above 0, H2's background thread, and any writer once much has piled up,
 * store the changes without waiting: the pages count as saved once serialised, and the chunk
 * reaches the file a moment later on H2's "H2-save" thread. A CHECKPOINT in that moment finds
 * nothing to store and returns, and a CHECKPOINT SYNC forces a file that lacks the chunk (H2
 * 2.3.232, {@code MVStore.tryCommit}: "This method may return BEFORE this thread changes are
 * actually persisted!"). {@code MVStore.commit()} stores what is unsaved and waits for its own
 * chunk; H2's serialisation and save threads are single threads fed in order, so every chunk
 * handed to them before is written then too. Only when it finds nothing to store does this wait
 * for those threads explicitly, as H2's own file operations do.
 */
final class H2Writes {

    private H2Writes() {
    }

    /**
     * @return false when the connection is to an H2 server (a tcp: URL), whose writer threads are
     * out of reach: there only the SQL CHECKPOINT can be asked for
     * @throws SQLException when H2 could not write to its file or force it to the disk
     * @throws IllegalStateException when the connection does not lead to H2's own
     */
    static boolean writeCommitted(Connection connection, boolean sync) throws SQLException {
        MVStore store = embeddedStore(connection);
        if (store == null) {
            return false;
        }
        try {
            if (store.commit() < 0) { // nothing left to store: H2's threads may still be writing what they took
                store.executeFilestoreOperation(() -> { }); // returns once they are idle
            }
            if (sync) {
                store.sync(); // what CHECKPOINT SYNC ends with, without its statement and its lock on the database
            }
        } catch (MVStoreException notWritten) { // the file did not take the commits, as a failed fsync
            throw new SQLException("H2 could not write its commits to its file", notWritten);
        }
        return true;
    }

    /**
     * @return the store of the embedded H2 the connection leads to, or null for an H2 server's
     * @throws IllegalStateException when the connection does not lead to H2's own
     */
    static MVStore embeddedStore(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            throw new IllegalStateException("the store's connection does not unwrap to H2's: its commits cannot be written out");
        }
        return connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session
                ? session.getDatabase().getStore().getMvStore()
                : null;
    }
}
