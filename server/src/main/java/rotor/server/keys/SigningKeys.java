package rotor.server.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rotor.server.engine.DialectPolicies;
import rotor.server.store.DurableCommits;
import rotor.server.store.SigningKeyRecord;
import rotor.server.store.SigningKeyRepository;

import java.security.SecureRandom;
import java.sql.Connection;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The signing keys in the store, held in memory as a {@link KeySet} that {@link KeySchedule}
 * re-reads twice per refresh interval, so every instance sharing the store learns of a new key
 * within one interval. A new key is published at once but signs only one refresh interval later:
 * by then every instance (and every JWKS consumer that honours the key set's max-age) knows it. A
 * retired key verifies, and is published, until the last token it signed has expired.
 */
@Singleton
public class SigningKeys {

    /** A rotation: the new key, and when it starts signing. */
    public record Rotation(String kid, Instant activatesAt) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);

    private final SigningKeyRepository repository;
    private final SecretSealer sealer;
    // A provider: the session dialect's refresh tokens are signed with these keys, so the policies
    // (which ask every dialect) are read only when a key is retired.
    private final Provider<DialectPolicies> policies;
    private final TransactionOperations<Connection> transactions;
    private final DurableCommits durable;
    private final JWSAlgorithm algorithm;
    private final Duration refreshInterval;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private volatile KeySet keys = KeySet.EMPTY;

    public SigningKeys(SigningKeyRepository repository, SecretSealer sealer, Provider<DialectPolicies> policies,
                       TransactionOperations<Connection> transactions, DurableCommits durable,
                       @Value("${rotor.keys.algorithm:ES256}") String algorithm,
                       @Value("${rotor.keys.refresh-interval:60s}") Duration refreshInterval, Clock clock) {
        this.repository = repository;
        this.sealer = sealer;
        this.policies = policies;
        this.transactions = transactions;
        this.durable = durable;
        this.algorithm = JWSAlgorithm.parse(algorithm);
        if (!JWSAlgorithm.ES256.equals(this.algorithm) && !JWSAlgorithm.RS256.equals(this.algorithm)) {
            throw new IllegalStateException("rotor.keys.algorithm must be ES256 or RS256, not " + algorithm);
        }
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalStateException("rotor.keys.refresh-interval must be positive");
        }
        this.refreshInterval = refreshInterval;
        this.clock = clock;
    }

    /** How often instances re-read the keys; also how long a new key is published before it signs. */
    public Duration refreshInterval() {
        return refreshInterval;
    }

    /** The private key that signs now. */
    public JWK signingKey() {
        Instant now = clock.instant();
        return keys.signingAt(now).or(() -> reload().signingAt(now))
                .orElseThrow(() -> new IllegalStateException("no signing key is active"));
    }

    /** A key that verifies now, by its kid; answered from memory, so an unknown kid costs no query. */
    public Optional<JWK> publicKey(String kid) {
        return keys.verifyingAt(kid, clock.instant());
    }

    /** The public keys to publish, from memory. */
    public List<JWK> publishable() {
        return keys.publishedAt(clock.instant());
    }

    /**
     * Makes sure a key signs: on the first start of an empty store, generates one that signs at
     * once (nobody can hold a token of an older key); fails the start if the master key cannot open
     * the stored ones.
     */
    public void start() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (reload().signingAt(now).isEmpty()) {
            transactions.executeWrite(status -> {
                repository.lockKeyChanges();
                if (repository.findUnretired().isEmpty()) {
                    create(now, now);
                }
                return null;
            });
            durable.afterCommit(); // a token it signs must not outlive it
            reload();
        }
    }

    /** Re-reads the keys from the store: rotations by other instances, keys that stopped verifying. */
    public KeySet reload() {
        Instant now = clock.instant();
        KeySet before = keys;
        List<KeySet.Key> loaded = repository.findUsable(now).stream().map(record -> toKey(record, before, now)).toList();
        KeySet after = new KeySet(loaded);
        keys = after;
        return after;
    }

    /** Generates a new key that signs one refresh interval from now; every instance picks it up without a restart. */
    public Rotation rotate() {
        return rotateIfOlderThan(Duration.ZERO).orElseThrow();
    }

    /**
     * Rotates when the newest key was created at least {@code age} ago. Instances that decide to
     * rotate at the same moment queue on a row lock, so a schedule on every instance rotates once.
     */
    public Optional<Rotation> rotateIfOlderThan(Duration age) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<Rotation> rotation = transactions.executeWrite(status -> {
            repository.lockKeyChanges();
            List<SigningKeyRecord> unretired = repository.findUnretired();
            if (!age.isZero() && !unretired.isEmpty() && unretired.get(0).createdAt().plus(age).isAfter(now)) {
                return Optional.empty();
            }
            Instant activatesAt = now.plus(refreshInterval);
            SigningKeyRecord created = create(now, activatesAt);
            repository.retireAllBut(created.kid(), activatesAt, activatesAt.plus(policies.get().longestSignedTokenLifetime()));
            return Optional.of(new Rotation(created.kid(), activatesAt));
        });
        rotation.ifPresent(r -> {
            durable.afterCommit();
            reload();
            LOG.info("Signing key rotated: {} is published now and signs from {}", r.kid(), r.activatesAt());
        });
        return rotation;
    }

    private KeySet.Key toKey(SigningKeyRecord record, KeySet before, Instant now) {
        boolean maySign = record.retiredAt() == null || now.isBefore(record.retiredAt());
        Optional<KeySet.Key> known = before.byKid(record.kid());
        JWK publicJwk = known.map(KeySet.Key::publicJwk).orElseGet(() -> parse(record.publicJwk(), record.kid()));
        JWK privateJwk = !maySign ? null
                : known.map(KeySet.Key::privateJwk).orElseGet(() -> parse(sealer.open(record.encryptedPrivateJwk(), aad(record.kid())), record.kid()));
        return new KeySet.Key(record.kid(), publicJwk, privateJwk, record.activatesAt(), record.retiredAt(), record.verifyUntil());
    }

    private SigningKeyRecord create(Instant now, Instant activatesAt) {
        JWK key = generate(newKid());
        SigningKeyRecord record = new SigningKeyRecord(key.getKeyID(), algorithm.getName(), key.toPublicJWK().toJSONString(),
                sealer.seal(key.toJSONString(), aad(key.getKeyID())), now, activatesAt, null, null);
        repository.save(record);
        LOG.info("Generated {} signing key {}", algorithm, key.getKeyID());
        return record;
    }

    private JWK generate(String kid) {
        try {
            if (JWSAlgorithm.RS256.equals(algorithm)) {
                return new RSAKeyGenerator(2048).keyID(kid).algorithm(algorithm).keyUse(KeyUse.SIGNATURE).generate();
            }
            return new ECKeyGenerator(Curve.P_256).keyID(kid).algorithm(algorithm).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a " + algorithm + " key", e);
        }
    }

    private static JWK parse(String json, String kid) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("signing key " + kid + " is not a JWK");
        }
    }

    private String newKid() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String aad(String kid) {
        return "signing_key:" + kid;
    }
}
