package rotor.server.clients;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import rotor.server.grants.GrantRevocations;
import rotor.server.keys.RandomTokens;
import rotor.server.keys.SecretHasher;
import rotor.server.store.OAuthClientRecord;
import rotor.server.store.OAuthClientRepository;

import java.security.MessageDigest;
import java.sql.Connection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** The registered OAuth clients of the standard contract. A client's secret is shown once and kept hashed. */
@Singleton
public class OAuthClients {

    /** A client just registered; the secret exists in the clear only here. */
    public record Registered(OAuthClientRecord client, String secret) {
    }

    private final OAuthClientRepository repository;
    private final SecretHasher hasher;
    private final RandomTokens random;
    private final GrantRevocations revocations;
    private final TransactionOperations<Connection> transactions;

    public OAuthClients(OAuthClientRepository repository, SecretHasher hasher, RandomTokens random, GrantRevocations revocations,
                        TransactionOperations<Connection> transactions) {
        this.repository = repository;
        this.hasher = hasher;
        this.random = random;
        this.revocations = revocations;
        this.transactions = transactions;
    }

    public Registered register(@Nullable String name, @Nullable String scope, Instant now) {
        String secret = random.secret("cs_");
        OAuthClientRecord client = new OAuthClientRecord(random.identifier("c_"), hasher.hash(secret), name, scope,
                now.truncatedTo(ChronoUnit.MICROS));
        repository.save(client);
        return new Registered(client, secret);
    }

    /**
     * Deletes a client and revokes its grants in one transaction: from the commit on, its
     * credentials authenticate no one (every authentication reads the store) and none of its
     * refresh tokens refreshes. False when there is no such client.
     */
    public boolean delete(String clientId, Instant now) {
        return transactions.executeWrite(status -> {
            if (repository.remove(clientId) == 0) {
                return false;
            }
            revocations.revokeClient(clientId, now);
            return true;
        });
    }

    public Optional<OAuthClientRecord> find(String clientId) {
        return repository.findById(clientId);
    }

    /** The client whose id and secret these are; the secret digests are compared in constant time. */
    public Optional<OAuthClientRecord> authenticate(String clientId, String secret) {
        if (clientId == null || secret == null) {
            return Optional.empty();
        }
        return repository.findById(clientId).filter(client -> MessageDigest.isEqual(
                client.secretHash().getBytes(StandardCharsets.US_ASCII), hasher.hash(secret).getBytes(StandardCharsets.US_ASCII)));
    }
}
