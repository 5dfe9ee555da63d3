package rotor.server.retention;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import rotor.server.store.GrantRecord;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The deletions of retention, each bounded to a batch, so that no statement holds many locks or
 * runs long enough to starve refreshes. Every deletion is idempotent: two instances that ran the
 * same batch would delete each row once.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RetentionRepository extends GenericRepository<GrantRecord, UUID> {

    /** Takes the job's lease when nobody holds a live one: 1 when taken. */
    @Query("UPDATE job_lease SET owner = :owner, lease_until = :until WHERE name = :job AND (lease_until IS NULL OR lease_until < :now)")
    int claim(String job, String owner, Instant now, Instant until);

    @Query("UPDATE job_lease SET owner = NULL, lease_until = NULL WHERE name = :job AND owner = :owner")
    int release(String job, String owner);

    /** Grants that ended (revoked, or past their absolute expiry) before the cutoff. */
    @Query("SELECT * FROM token_grant WHERE revoked_at < :cutoff OR expires_at < :cutoff LIMIT :limit")
    List<GrantRecord> endedBefore(Instant cutoff, int limit);

    @Query("DELETE FROM refresh_token WHERE grant_id IN (:grantIds)")
    int deleteTokensOf(List<UUID> grantIds);

    @Query("DELETE FROM token_grant WHERE id IN (:grantIds)")
    int deleteGrants(List<UUID> grantIds);

    /** Tokens past their own expiry: presenting one is refused as unknown with or without its row. */
    @Query("DELETE FROM refresh_token WHERE token_hash IN (SELECT token_hash FROM refresh_token WHERE expires_at < :cutoff LIMIT :limit)")
    int deleteTokensExpiredBefore(Instant cutoff, int limit);

    @Query("DELETE FROM audit_event WHERE id IN (SELECT id FROM audit_event WHERE occurred_at < :cutoff LIMIT :limit)")
    int deleteHistoryBefore(Instant cutoff, int limit);
}
