package rotor.server.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ConnectionRepository extends CrudRepository<ConnectionRecord, String> {

    /** Claims the connection's refresh until a time, if no live claim exists: 1 when claimed, 0 otherwise. */
    @Query("UPDATE upstream_connection SET refresh_lease_until = :until, refresh_lease_owner = :owner "
            + "WHERE id = :id AND (refresh_lease_until IS NULL OR refresh_lease_until < :now)")
    int claimLease(String id, String owner, Instant now, Instant until);

    @Query("UPDATE upstream_connection SET refresh_lease_until = NULL, refresh_lease_owner = NULL WHERE id = :id AND refresh_lease_owner = :owner")
    int releaseLease(String id, String owner);

    /** Stores tokens the upstream issued whoever holds the lease now (they are the newest there are), and ends this owner's lease. */
    @Query("UPDATE upstream_connection SET sealed_access_token = :sealedAccessToken, sealed_refresh_token = :sealedRefreshToken, "
            + "expires_at = :expiresAt, status = 'active', updated_at = :at, refreshed_at = :at, "
            + "refresh_lease_until = CASE WHEN refresh_lease_owner = :owner THEN NULL ELSE refresh_lease_until END, "
            + "refresh_lease_owner = CASE WHEN refresh_lease_owner = :owner THEN NULL ELSE refresh_lease_owner END WHERE id = :id")
    int storeRefreshed(String id, String owner, String sealedAccessToken, String sealedRefreshToken, Instant expiresAt, Instant at);

    @Query("UPDATE upstream_connection SET status = 'expired', updated_at = :at, "
            + "refresh_lease_until = CASE WHEN refresh_lease_owner = :owner THEN NULL ELSE refresh_lease_until END, "
            + "refresh_lease_owner = CASE WHEN refresh_lease_owner = :owner THEN NULL ELSE refresh_lease_owner END WHERE id = :id")
    void markExpired(String id, String owner, Instant at);

    /** Deletes the row, its sealed secrets with it; 1 when it was there to delete. */
    @Query("DELETE FROM upstream_connection WHERE id = :id")
    int remove(String id);
}
