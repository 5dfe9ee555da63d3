package rotor.bench.ceiling;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

/**
 * Answers every POST, whatever its path and body, as a token endpoint would: a fresh refresh token
 * (kept nowhere) and an ES256 access token with rotor's claims and header. It runs on the event
 * loop, without the hop to a blocking pool that rotor's JDBC work needs: a ceiling, not a peer.
 */
@Requires(env = CeilingController.ENVIRONMENT) // never a bean where rotor's classes are (the JMH classpath)
@Controller
public class CeilingController {

    static final String ENVIRONMENT = "ceiling";
    private static final JOSEObjectType ACCESS_TOKEN = new JOSEObjectType("at+jwt");

    private final SecureRandom random = new SecureRandom();
    private final ECKey key;
    private final JWSSigner signer;

    public CeilingController() throws JOSEException {
        this.key = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
        this.signer = new ECDSASigner(key);
    }

    @Get(uri = "/health", produces = MediaType.TEXT_PLAIN)
    public String health() {
        return "UP";
    }

    @Post(uri = "/{+path}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public Answer refresh(String path) throws JOSEException {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String refreshToken = "rtr_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String stored = sha256(refreshToken); // what rotor would store and look up
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("http://localhost:8080").audience(path).subject("bench").claim("tid", "default")
                .claim("scope", "read").issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)))
                .jwtID(UUID.randomUUID().toString()).claim("gid", stored.substring(0, 22)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(ACCESS_TOKEN).build(), claims);
        jwt.sign(signer);
        return new Answer(jwt.serialize(), "Bearer", 3600, refreshToken);
    }

    private static String sha256(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An RFC 6749 section 5.1 answer: the benchmark reads refresh_token from it. */
    @Serdeable
    public record Answer(String access_token, String token_type, long expires_in, String refresh_token) {
    }
}
