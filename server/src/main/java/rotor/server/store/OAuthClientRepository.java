package rotor.server.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OAuthClientRepository extends CrudRepository<OAuthClientRecord, String> {

    /** 1 when the client was there to delete. */
    @Query("DELETE FROM oauth_client WHERE client_id = :clientId")
    int remove(String clientId);
}
