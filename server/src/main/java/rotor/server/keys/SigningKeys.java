package rotor.server.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rotor.server.engine.DialectPolicies;
import rotor.server.store.SigningKeyRecord;
import rotor.server.store.SigningKeyRepository;

import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signing keys in the store. The newest unretired key signs; keys retired within the longest
 * access-token lifetime still verify and are still published. Every instance sharing the store
 * reads the same keys, and notices a rotation by another instance within {@link #REFRESH_AFTER}.
 */
@Singleton
public class SigningKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);
    static final Duration REFRESH_AFTER = Duration.ofSeconds(30);

    private final SigningKeyRepository repository;
    private final SecretSealer sealer;
    private final DialectPolicies policies;
    private final JWSAlgorithm algorithm;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, JWK> publicKeys = new ConcurrentHashMap<>();

    private volatile ActiveKey active;

    public SigningKeys(SigningKeyRepository repository, SecretSealer sealer, DialectPolicies policies,
                       @Value("${rotor.keys.algorithm:ES256}") String algorithm, Clock clock) {
        this.repository = repository;
        this.sealer = sealer;
        this.policies = policies;
        this.algorithm = JWSAlgorithm.parse(algorithm);
        if (!JWSAlgorithm.ES256.equals(this.algorithm) && !JWSAlgorithm.RS256.equals(this.algorithm)) {
            throw new IllegalStateException("rotor.keys.algorithm must be ES256 or RS256, not " + algorithm);
        }
        this.clock = clock;
    }

    /** Generates the first key on the first start, and fails the start if the master key cannot open the stored ones. */
    @EventListener
    void onStartup(StartupEvent event) {
        signingKey();
    }

    /** The private key that signs now; generated on first use of an empty store. */
    public JWK signingKey() {
        ActiveKey current = active;
        Instant now = clock.instant();
        if (current == null || current.loadedAt.plus(REFRESH_AFTER).isBefore(now)) {
            current = loadOrCreate(now);
            active = current;
        }
        return current.privateJwk;
    }

    /** Generates a new signing key and retires the others; takes effect on every instance without a restart. */
    public synchronized String rotate() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        SigningKeyRecord created = create(now);
        repository.retireAllBut(created.kid(), now);
        active = new ActiveKey(open(created), now);
        LOG.info("Signing key rotated: {} now signs", created.kid());
        return created.kid();
    }

    /** The public keys to publish: the signing key and those retired within the longest access-token lifetime. */
    public List<JWK> publishable() {
        signingKey();
        Instant since = clock.instant().minus(policies.longestAccessTokenLifetime());
        return repository.findPublishable(since).stream().map(this::publicJwk).toList();
    }

    /** A published public key by its kid, for verification. */
    public Optional<JWK> publicKey(String kid) {
        JWK known = publicKeys.get(kid);
        if (known != null) {
            return Optional.of(known);
        }
        return publishable().stream().filter(k -> kid.equals(k.getKeyID())).findFirst();
    }

    private synchronized ActiveKey loadOrCreate(Instant now) {
        List<SigningKeyRecord> live = repository.findByRetiredAtIsNullOrderByCreatedAtDesc();
        SigningKeyRecord newest = live.isEmpty() ? create(now.truncatedTo(ChronoUnit.MICROS)) : live.get(0);
        return new ActiveKey(open(newest), now);
    }

    private SigningKeyRecord create(Instant now) {
        JWK key = generate(newKid());
        SigningKeyRecord record = new SigningKeyRecord(key.getKeyID(), algorithm.getName(),
                key.toPublicJWK().toJSONString(), sealer.seal(key.toJSONString(), aad(key.getKeyID())), now, null);
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

    private JWK open(SigningKeyRecord record) {
        try {
            return JWK.parse(sealer.open(record.encryptedPrivateJwk(), aad(record.kid())));
        } catch (ParseException e) {
            throw new IllegalStateException("signing key " + record.kid() + " is not a JWK");
        }
    }

    private JWK publicJwk(SigningKeyRecord record) {
        return publicKeys.computeIfAbsent(record.kid(), kid -> {
            try {
                return JWK.parse(record.publicJwk());
            } catch (ParseException e) {
                throw new IllegalStateException("public key " + kid + " is not a JWK");
            }
        });
    }

    private String newKid() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String aad(String kid) {
        return "signing_key:" + kid;
    }

    private record ActiveKey(JWK privateJwk, Instant loadedAt) {
    }
}
