package rotor.server.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RefreshTokenRepository extends CrudRepository<RefreshTokenRecord, String> {

    /**
     * Spends an unused token. Exactly one of any number of concurrent callers, on any number of
     * instances, gets 1: the database serialises the conditional update, not the JVM.
     */
    @Query("UPDATE refresh_token SET used_at = :at WHERE token_hash = :tokenHash AND used_at IS NULL")
    int markUsed(String tokenHash, Instant at);

    /** How many tokens of the grant newer than the given generation were already spent. */
    @Query("SELECT COUNT(*) FROM refresh_token WHERE grant_id = :grantId AND generation > :generation AND used_at IS NOT NULL")
    long countUsedAfter(UUID grantId, int generation);

    List<RefreshTokenRecord> findByGrantIdOrderByGenerationAsc(UUID grantId);
}
