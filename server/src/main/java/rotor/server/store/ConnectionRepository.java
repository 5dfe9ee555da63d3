package rotor.server.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ConnectionRepository extends CrudRepository<ConnectionRecord, String> {

    /** Reads the row and locks it until the transaction ends: one refresh of a connection at a time, on every instance. */
    @Query("SELECT * FROM upstream_connection WHERE id = :id FOR UPDATE")
    Optional<ConnectionRecord> findByIdForUpdate(String id);

    @Query("UPDATE upstream_connection SET sealed_access_token = :sealedAccessToken, sealed_refresh_token = :sealedRefreshToken, "
            + "expires_at = :expiresAt, status = 'active', updated_at = :at, refreshed_at = :at WHERE id = :id")
    void storeRefreshed(String id, String sealedAccessToken, String sealedRefreshToken, Instant expiresAt, Instant at);

    @Query("UPDATE upstream_connection SET status = 'expired', updated_at = :at WHERE id = :id")
    void markExpired(String id, Instant at);

    /** Deletes the row, its sealed secrets with it; 1 when it was there to delete. */
    @Query("DELETE FROM upstream_connection WHERE id = :id")
    int remove(String id);
}
