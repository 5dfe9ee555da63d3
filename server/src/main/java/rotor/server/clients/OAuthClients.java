package rotor.server.clients;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import rotor.server.grants.GrantRevocations;
import rotor.server.keys.RandomTokens;
import rotor.server.keys.SecretHasher;
import rotor.server.store.DurableCommits;
import rotor.server.store.OAuthClientRecord;
import rotor.server.store.OAuthClientRepository;
import rotor.server.store.StorableText;

import java.security.MessageDigest;
import java.sql.Connection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The registered OAuth clients of the standard contract. A client's secret is shown once and kept
 * hashed. Authentication reads a client record from a short-lived cache: every token request
 * authenticates its client, and the record almost never changes. A deletion empties this
 * instance's entry at once; another instance may authenticate the deleted client for up to
 * {@code rotor.clients.cache-ttl} more, but its grants were revoked with it, so nothing refreshes.
 */
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
    private final DurableCommits durable;
    private final Cache<String, OAuthClientRecord> cache;

    public OAuthClients(OAuthClientRepository repository, SecretHasher hasher, RandomTokens random, GrantRevocations revocations,
                        TransactionOperations<Connection> transactions, DurableCommits durable,
                        @Value("${rotor.clients.cache-ttl:5s}") Duration cacheTtl) {
        this.repository = repository;
        this.hasher = hasher;
        this.random = random;
        this.revocations = revocations;
        this.transactions = transactions;
        this.durable = durable;
        this.cache = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(10_000).build();
    }

    public Registered register(@Nullable String name, @Nullable String scope, Instant now) {
        String secret = random.secret("cs_");
        OAuthClientRecord client = new OAuthClientRecord(random.identifier("c_"), hasher.hash(secret), name, scope,
                now.truncatedTo(ChronoUnit.MICROS));
        repository.save(client);
        durable.afterCommit();
        return new Registered(client, secret);
    }

    /**
     * Deletes a client and revokes its grants in one transaction: from the commit on, none of its
     * refresh tokens refreshes and, on this instance, its credentials authenticate no one. False
     * when there is no such client.
     */
    public boolean delete(String clientId, Instant now) {
        if (!StorableText.storable(clientId)) {
            return false;
        }
        boolean deleted = transactions.executeWrite(status -> {
            if (repository.remove(clientId) == 0) {
                return false;
            }
            revocations.revokeClient(clientId, now);
            return true;
        });
        cache.invalidate(clientId); // after the commit: a concurrent authentication could not put it back
        if (deleted) {
            durable.afterCommit(); // a deleted client, and its revoked grants, must not come back after a power loss
        }
        return deleted;
    }

    /**
     * Whether the client is still registered, once what was issued for it has committed. A grant
     * created for a client found before its deletion, and issued after the deletion revoked the
     * client's grants, would stay live; asked after the issue, under the row lock a deletion takes,
     * this is false for every such grant, and its creator revokes it.
     */
    public boolean stillRegistered(String clientId) {
        return StorableText.storable(clientId) && transactions.executeWrite(status -> repository.lockRegistered(clientId).isPresent());
    }

    public Optional<OAuthClientRecord> find(String clientId) {
        return StorableText.storable(clientId) ? repository.findById(clientId) : Optional.empty();
    }

    /** The client whose id and secret these are; the secret digests are compared in constant time. */
    public Optional<OAuthClientRecord> authenticate(String clientId, String secret) {
        if (clientId == null || secret == null || !StorableText.storable(clientId)) {
            return Optional.empty();
        }
        // A miss (null) is not cached: a client registered a moment ago authenticates at once.
        Optional<OAuthClientRecord> client = Optional.ofNullable(cache.get(clientId, id -> repository.findById(id).orElse(null)));
        return client.filter(found -> MessageDigest.isEqual(
                found.secretHash().getBytes(StandardCharsets.US_ASCII), hasher.hash(secret).getBytes(StandardCharsets.US_ASCII)));
    }
}
