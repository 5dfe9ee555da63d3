package rotor.server.connections;

import jakarta.inject.Singleton;
import rotor.server.keys.RandomTokens;
import rotor.server.keys.SecretHasher;
import rotor.server.store.ApiKeyRecord;
import rotor.server.store.ApiKeyRepository;
import rotor.server.store.DurableCommits;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/** Workspace API keys, one half of mielto's DualAuthScheme. Shown once, stored hashed. */
@Singleton
public class ApiKeys {

    /** A key just created; the key exists in the clear only here. */
    public record Issued(ApiKeyRecord record, String key) {
    }

    private final ApiKeyRepository repository;
    private final SecretHasher hasher;
    private final RandomTokens random;
    private final DurableCommits durable;

    public ApiKeys(ApiKeyRepository repository, SecretHasher hasher, RandomTokens random, DurableCommits durable) {
        this.repository = repository;
        this.hasher = hasher;
        this.random = random;
        this.durable = durable;
    }

    public Issued create(String workspaceId, Instant now) {
        String key = random.secret("mk_");
        ApiKeyRecord record = new ApiKeyRecord(UUID.randomUUID(), hasher.hash(key), workspaceId, now.truncatedTo(ChronoUnit.MICROS));
        repository.save(record);
        durable.afterCommit();
        return new Issued(record, key);
    }

    /** Deletes a key; it authenticates no one from now on (every use reads the store). False when there is no such key. */
    public boolean delete(UUID id) {
        boolean deleted = repository.remove(id) == 1;
        if (deleted) {
            durable.afterCommit(); // a deleted key must not authenticate again after a power loss
        }
        return deleted;
    }

    /** The workspace a presented key belongs to, found by the key's hash. */
    public Optional<String> workspaceOf(String key) {
        if (key == null || !key.startsWith("mk_")) {
            return Optional.empty();
        }
        return repository.findByKeyHash(hasher.hash(key)).map(ApiKeyRecord::workspaceId);
    }
}
