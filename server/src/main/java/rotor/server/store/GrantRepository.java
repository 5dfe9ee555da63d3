package rotor.server.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface GrantRepository extends CrudRepository<GrantRecord, UUID> {

    /** Revokes a live grant; 0 when it was already revoked (or does not exist). */
    @Query("UPDATE token_grant SET revoked_at = :at, revoked_reason = :reason WHERE id = :id AND revoked_at IS NULL")
    int revoke(UUID id, Instant at, String reason);

    @Query("UPDATE token_grant SET last_used_at = :at WHERE id = :id")
    void touch(UUID id, Instant at);

    /** The grants of one subject in one tenant, every dialect, not yet revoked (index token_grant_by_subject). */
    List<GrantRecord> findByTenantAndSubjectAndRevokedAtIsNull(String tenant, String subject);

    /** The grants of one OAuth client not yet revoked (index token_grant_by_client). */
    List<GrantRecord> findByClientIdAndRevokedAtIsNull(String clientId);
}
