package rotor.server.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SigningKeyRepository extends CrudRepository<SigningKeyRecord, String> {

    /** Keys that sign now or later, or still verify what they signed: everything an instance needs to hold. */
    @Query("SELECT * FROM signing_key WHERE verify_until IS NULL OR verify_until > :now ORDER BY activates_at DESC")
    List<SigningKeyRecord> findUsable(Instant now);

    /**
     * Takes the row lock every key change queues on until the transaction ends (V8): two instances
     * that decide to create or rotate a key at once run one after the other, even when there is no
     * key yet to lock. What the second sees must be read after this, by {@link #findUnretired}.
     */
    @Query("UPDATE job_lease SET name = name WHERE name = 'signing-keys'")
    int lockKeyChanges();

    /** The keys not yet retired, newest first. */
    @Query("SELECT * FROM signing_key WHERE retired_at IS NULL ORDER BY activates_at DESC")
    List<SigningKeyRecord> findUnretired();

    @Query("UPDATE signing_key SET retired_at = :at, verify_until = :verifyUntil WHERE retired_at IS NULL AND kid <> :keep")
    int retireAllBut(String keep, Instant at, Instant verifyUntil);
}
