package rotor.bench.jmh;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import rotor.server.keys.AccessTokenMinter;
import rotor.server.keys.StoredKeySignature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * ES256 on the running JDK, in three layers: the JDK's SHA256withECDSA over a JWT-sized input;
 * rotor's {@link StoredKeySignature} (the current key from memory, header, Nimbus signer); and the
 * whole access token as the engine mints it ({@link AccessTokenMinter}: claims, Micronaut's
 * generator, signature, serialisation). The server's beans run over an H2 store of their own.
 */
@State(Scope.Benchmark)
public class SigningBenchmark extends PartBenchmark {

    private RotorContexts rotor;
    private StoredKeySignature signature;
    private AccessTokenMinter minter;
    private JWTClaimsSet claims;
    private Signature jdk;
    private final byte[] signingInput = new byte[300]; // an access token's header.payload is about this long
    private final UUID grant = UUID.randomUUID();

    @Setup
    public void start() throws GeneralSecurityException {
        rotor = RotorContexts.h2();
        signature = rotor.bean(StoredKeySignature.class);
        minter = rotor.bean(AccessTokenMinter.class);
        Instant now = Instant.now();
        claims = new JWTClaimsSet.Builder().issuer("http://localhost:8080").audience("oauth2").subject("bench")
                .claim("tid", "default").claim("scope", "read").issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600))).jwtID(UUID.randomUUID().toString())
                .claim("gid", grant.toString()).build();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        jdk = Signature.getInstance("SHA256withECDSA");
        jdk.initSign(pair.getPrivate());
        byte[] text = "eyJraWQiOiJiZW5jaCIsInR5cCI6ImF0K2p3dCIsImFsZyI6IkVTMjU2In0.".repeat(6).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, signingInput, 0, signingInput.length);
    }

    @TearDown
    public void stop() throws IOException {
        rotor.close();
    }

    @Benchmark
    public byte[] jdkSha256WithEcdsa() throws GeneralSecurityException {
        jdk.update(signingInput);
        return jdk.sign();
    }

    @Benchmark
    public String rotorStoredKeySignature() throws JOSEException {
        return signature.sign(claims).serialize();
    }

    @Benchmark
    public String rotorAccessTokenMint() {
        Instant now = Instant.now();
        return minter.mint("oauth2", "bench", "default", "read", grant, now, now.plusSeconds(3600), Map.of());
    }
}
