package rotor.server.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ApiKeyRepository extends CrudRepository<ApiKeyRecord, UUID> {

    Optional<ApiKeyRecord> findByKeyHash(String keyHash);

    /** 1 when the key was there to delete. */
    @Query("DELETE FROM api_key WHERE id = :id")
    int remove(UUID id);
}
