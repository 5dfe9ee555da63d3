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

import java.util.List;
import java.util.Optional;

/**
 * Micronaut Security JWT's signature over the keys in the store: it signs with the current key
 * (kid in the header), verifies any published key, and is the JWK source of the key set.
 */
@Singleton
@Named("generator") // the name Micronaut's JwtTokenGenerator asks for; unnamed, it would mint unsigned JWTs
public class StoredKeySignature implements SignatureGeneratorConfiguration, JwkProvider {

    private final SigningKeys keys;

    public StoredKeySignature(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public SignedJWT sign(JWTClaimsSet claims) throws JOSEException {
        JWK key = keys.signingKey();
        JWSAlgorithm algorithm = JWSAlgorithm.parse(key.getAlgorithm().getName());
        JWSHeader header = new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer(key));
        return jwt;
    }

    @Override
    public boolean verify(SignedJWT jwt) throws JOSEException {
        String kid = jwt.getHeader().getKeyID();
        if (kid == null || !supports(jwt.getHeader().getAlgorithm())) {
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

    private static JWSSigner signer(JWK key) throws JOSEException {
        return KeyType.EC.equals(key.getKeyType()) ? new ECDSASigner(key.toECKey()) : new RSASSASigner(key.toRSAKey());
    }

    private static JWSVerifier verifier(JWK key) throws JOSEException {
        return KeyType.EC.equals(key.getKeyType()) ? new ECDSAVerifier(key.toECKey()) : new RSASSAVerifier(key.toRSAKey());
    }
}
