package rotor.server.connections;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import rotor.server.keys.RandomTokens;
import rotor.server.keys.SecretSealer;
import rotor.server.store.ConnectionRecord;
import rotor.server.store.ConnectionRepository;
import rotor.server.store.DurableCommits;
import rotor.server.store.StorableText;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Stored upstream OAuth credentials. Every secret is sealed with AES-GCM under the master key,
 * bound to its connection and field (the associated data), and never returned by any endpoint.
 */
@Singleton
public class Connections {

    public enum ClientAuthMethod { CLIENT_SECRET_BASIC, CLIENT_SECRET_POST }

    /** What an administrator registers. */
    public record NewConnection(String workspaceId, URI tokenUrl, String clientId, String clientSecret, String refreshToken,
                                @Nullable String accessToken, @Nullable Instant expiresAt, ClientAuthMethod clientAuthMethod) {

        @Override
        public String toString() {
            return "NewConnection[workspace=" + workspaceId + ", tokenUrl=" + tokenUrl + "]";
        }
    }

    private final ConnectionRepository repository;
    private final SecretSealer sealer;
    private final RandomTokens random;
    private final DurableCommits durable;

    public Connections(ConnectionRepository repository, SecretSealer sealer, RandomTokens random, DurableCommits durable) {
        this.repository = repository;
        this.sealer = sealer;
        this.random = random;
        this.durable = durable;
    }

    public ConnectionRecord create(NewConnection connection, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        String id = random.identifier("conn_");
        ConnectionRecord record = new ConnectionRecord(id, connection.workspaceId(), connection.tokenUrl().toString(),
                connection.clientId(), connection.clientAuthMethod().name().toLowerCase(java.util.Locale.ROOT),
                seal(id, "client_secret", connection.clientSecret()), seal(id, "refresh_token", connection.refreshToken()),
                connection.accessToken() == null ? null : seal(id, "access_token", connection.accessToken()),
                connection.expiresAt() == null ? null : connection.expiresAt().truncatedTo(ChronoUnit.MICROS), "active", at, at, null);
        repository.save(record);
        durable.afterCommit();
        return record;
    }

    public Optional<ConnectionRecord> find(String id) {
        return StorableText.storable(id) ? repository.findById(id) : Optional.empty();
    }

    /** Deletes a connection with its sealed secrets. False when there is no such connection. */
    public boolean delete(String id) {
        if (!StorableText.storable(id)) {
            return false;
        }
        boolean deleted = repository.remove(id) == 1;
        if (deleted) {
            durable.afterCommit();
        }
        return deleted;
    }

    ConnectionSecrets open(ConnectionRecord record) {
        return new ConnectionSecrets(open(record.id(), "client_secret", record.sealedClientSecret()),
                open(record.id(), "refresh_token", record.sealedRefreshToken()),
                record.sealedAccessToken() == null ? null : open(record.id(), "access_token", record.sealedAccessToken()));
    }

    String seal(String connectionId, String field, String secret) {
        return sealer.seal(secret, aad(connectionId, field));
    }

    private String open(String connectionId, String field, String sealed) {
        return sealer.open(sealed, aad(connectionId, field));
    }

    private static String aad(String connectionId, String field) {
        return "upstream_connection:" + connectionId + ":" + field;
    }
}
