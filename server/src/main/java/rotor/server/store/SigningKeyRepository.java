package rotor.server.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SigningKeyRepository extends CrudRepository<SigningKeyRecord, String> {

    /** Keys still signing, newest first. */
    List<SigningKeyRecord> findByRetiredAtIsNullOrderByCreatedAtDesc();

    /** Keys that still sign, or stopped signing after the given time: the ones to publish. */
    @Query("SELECT * FROM signing_key WHERE retired_at IS NULL OR retired_at > :since ORDER BY created_at DESC")
    List<SigningKeyRecord> findPublishable(Instant since);

    @Query("UPDATE signing_key SET retired_at = :at WHERE retired_at IS NULL AND kid <> :keep")
    int retireAllBut(String keep, Instant at);
}
