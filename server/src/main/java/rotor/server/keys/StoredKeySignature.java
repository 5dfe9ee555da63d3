package rotor.server.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.token.jwt.endpoints.JwkProvider;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Micronaut Security JWT's signature over the keys in the store: it signs with the current key
 * (kid in the header), verifies any published key, and is the JWK source of the key set.
 *
 * <p>Every JWT says what it is in its typ header (RFC 8725 section 3.11): access tokens
 * {@code at+jwt} (RFC 9068 section 2.1), session's refresh tokens {@link #REFRESH_TOKEN}. What
 * Micronaut Security verifies, a Bearer credential, must be an access token, so a refresh JWT
 * never authenticates a caller, whatever its claims say.
 */
@Singleton
@Named("generator") // the name Micronaut's JwtTokenGenerator asks for; unnamed, it would mint unsigned JWTs
public class StoredKeySignature implements SignatureGeneratorConfiguration, JwkProvider {

    public static final JOSEObjectType ACCESS_TOKEN = new JOSEObjectType("at+jwt");
    public static final JOSEObjectType REFRESH_TOKEN = new JOSEObjectType("refresh+jwt");

    private final SigningKeys keys;
    // Building a signer or verifier converts the JWK to a JCA key, which costs as much as a tenth of
    // the signature itself; the key objects live as long as the key set holds them, so each is
    // converted once. Nimbus's signers and verifiers are thread-safe.
    private final Map<JWK, JWSSigner> signers = Collections.synchronizedMap(new WeakHashMap<>());
    private final Map<JWK, JWSVerifier> verifiers = Collections.synchronizedMap(new WeakHashMap<>());

    public StoredKeySignature(SigningKeys keys) {
        this.keys = keys;
    }

    /** Signs an access token: what Micronaut's JwtTokenGenerator calls. */
    @Override
    public SignedJWT sign(JWTClaimsSet claims) throws JOSEException {
        return sign(claims, ACCESS_TOKEN);
    }

    public SignedJWT sign(JWTClaimsSet claims, JOSEObjectType type) throws JOSEException {
        JWK key = keys.signingKey();
        JWSAlgorithm algorithm = JWSAlgorithm.parse(key.getAlgorithm().getName());
        JWSHeader header = new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).type(type).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer(key));
        return jwt;
    }

    /** Verifies an access token: what Micronaut Security calls for a Bearer credential. */
    @Override
    public boolean verify(SignedJWT jwt) throws JOSEException {
        return verify(jwt, ACCESS_TOKEN);
    }

    /** True when the JWT is of the given type and carries a valid signature of a key that verifies now. */
    public boolean verify(SignedJWT jwt, JOSEObjectType type) throws JOSEException {
        String kid = jwt.getHeader().getKeyID();
        if (kid == null || !type.equals(jwt.getHeader().getType()) || !supports(jwt.getHeader().getAlgorithm())) {
            return false;
        }
        Optional<JWK> key = keys.publicKey(kid);
        return key.isPresent()
                && jwt.getHeader().getAlgorithm().getName().equals(key.get().getAlgorithm().getName())
                && jwt.verify(verifier(key.get()));
    }

    @Override
    public boolean supports(JWSAlgorithm algorithm) {
        return JWSAlgorithm.ES256.equals(algorithm) || JWSAlgorithm.RS256.equals(algorithm);
    }

    @Override
    public String supportedAlgorithmsMessage() {
        return "Only the ES256 and RS256 JWS algorithms are supported";
    }

    @Override
    public List<JWK> retrieveJsonWebKeys() {
        return keys.publishable();
    }

    private JWSSigner signer(JWK key) throws JOSEException {
        return cached(signers, key, k -> KeyType.EC.equals(k.getKeyType()) ? new ECDSASigner(k.toECKey()) : new RSASSASigner(k.toRSAKey()));
    }

    private JWSVerifier verifier(JWK key) throws JOSEException {
        return cached(verifiers, key, k -> KeyType.EC.equals(k.getKeyType()) ? new ECDSAVerifier(k.toECKey()) : new RSASSAVerifier(k.toRSAKey()));
    }

    private interface KeyOperation<T> {
        T of(JWK key) throws JOSEException;
    }

    private static <T> T cached(Map<JWK, T> cache, JWK key, KeyOperation<T> build) throws JOSEException {
        T operation = cache.get(key);
        if (operation == null) {
            operation = build.of(key);
            cache.put(key, operation);
        }
        return operation;
    }
}
