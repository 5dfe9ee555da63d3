package rotor.server.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OAuthClientRepository extends CrudRepository<OAuthClientRecord, String> {

    /**
     * The client's id when it is registered, read under its row lock: a deletion not yet committed
     * holds that lock, so this waits for it and then finds nothing.
     */
    @Query("SELECT client_id FROM oauth_client WHERE client_id = :clientId FOR UPDATE")
    Optional<String> lockRegistered(String clientId);

    /** 1 when the client was there to delete. */
    @Query("DELETE FROM oauth_client WHERE client_id = :clientId")
    int remove(String clientId);
}
