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

    /**
     * How many tokens of the grant newer than the given generation were already spent by their
     * holder (a successor superseded by a grace re-issue was not: it was never used).
     */
    @Query("SELECT COUNT(*) FROM refresh_token WHERE grant_id = :grantId AND generation > :generation AND used_at IS NOT NULL"
            + " AND superseded = FALSE")
    long countUsedAfter(UUID grantId, int generation);

    /**
     * Counts one more grace re-issue of a spent token, unless it already had the most allowed: the
     * conditional update makes the cap hold for concurrent replays on any number of instances.
     */
    @Query("UPDATE refresh_token SET reissues = reissues + 1 WHERE token_hash = :tokenHash AND reissues < :most")
    int countReissue(String tokenHash, int most);

    /**
     * Spends every unused successor of a token, as superseded: a grace re-issue replaces them. Found
     * through the grant's index (its children are the next generation), which every rotation keeps
     * anyway, rather than an index of parents that every rotation would have to write.
     */
    @Query("UPDATE refresh_token SET used_at = :at, superseded = TRUE WHERE grant_id = :grantId AND generation = :generation"
            + " AND parent_hash = :parentHash AND used_at IS NULL")
    int supersedeChildren(UUID grantId, int generation, String parentHash, Instant at);

    /** The tokens of generations after {@code after} up to {@code upTo}, oldest first. */
    @Query("SELECT * FROM refresh_token WHERE grant_id = :grantId AND generation > :after AND generation <= :upTo"
            + " ORDER BY generation, issued_at")
    List<RefreshTokenRecord> findGenerations(UUID grantId, int after, int upTo);

    boolean existsByGrantIdAndGenerationGreaterThan(UUID grantId, int generation);
}
