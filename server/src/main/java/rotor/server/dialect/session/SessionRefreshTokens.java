package rotor.server.dialect.session;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.inject.Singleton;
import rotor.server.engine.RefreshTokenFormat;
import rotor.server.keys.MasterKey;
import rotor.server.keys.PresentedJwts;
import rotor.server.keys.RandomTokens;
import rotor.server.keys.StoredKeySignature;

import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The session dialect's refresh tokens: JWTs signed by the server, like the seed's examples, with
 * token_type "refresh", sub, exp, nbf and state_hash. state_hash is 256 unguessable bits that tie
 * the token to its row (the row is found by the hash of the whole token), so a validly signed token
 * that was rotated or revoked is still refused by the store. Its first 48 bits are the issue time
 * in milliseconds ({@link RandomTokens#orderedBits}), which the stored form begins with
 * ({@link #issueKey}); nbf would not do, as it counts whole seconds.
 *
 * <p>They are signed HS256, as the seed's own examples are, with a key derived from the master key:
 * rotor is their only verifier, so an asymmetric signature would buy nothing and cost a session
 * refresh two of them. Tokens that rotor signed ES256 with its signing keys before still verify
 * until they expire, which is why {@link #signed()} stays true: the keys that signed them must.
 */
@Singleton
public final class SessionRefreshTokens implements RefreshTokenFormat {

    private static final String KEY_PURPOSE = "rotor session refresh tokens HS256";

    private final StoredKeySignature legacySignature;
    private final JWSSigner signer;
    private final JWSVerifier verifier;
    private final RandomTokens random;

    public SessionRefreshTokens(StoredKeySignature legacySignature, MasterKey masterKey, RandomTokens random) throws JOSEException {
        this.legacySignature = legacySignature;
        byte[] key = masterKey.derive(KEY_PURPOSE);
        this.signer = new MACSigner(key);
        this.verifier = new MACVerifier(key);
        this.random = random;
    }

    @Override
    public String mint(NewToken token) {
        byte[] state = random.orderedBits(token.issuedAt());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .claim("token_type", "refresh")
                .subject(token.subject())
                .expirationTime(Date.from(token.expiresAt()))
                .notBeforeTime(Date.from(token.issuedAt()))
                .claim("state_hash", Base64.getEncoder().encodeToString(state))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(StoredKeySignature.REFRESH_TOKEN).build(), claims);
        try {
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("the refresh token could not be signed", e);
        }
    }

    /**
     * The first 48 bits of state_hash, read without verifying the signature: the key only says
     * where to look, and what is found there is the row of this exact token or nothing.
     */
    @Override
    public Optional<String> issueKey(String token) {
        return PresentedJwts.claims(token).flatMap(SessionRefreshTokens::issueKeyOf);
    }

    private static Optional<String> issueKeyOf(JWTClaimsSet claims) {
        if (!(claims.getClaim("state_hash") instanceof String encoded)) {
            return Optional.empty();
        }
        try {
            byte[] bits = Base64.getDecoder().decode(encoded);
            return bits.length == 32 ? Optional.of(HexFormat.of().formatHex(bits, 0, 6)) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** state_hash begins with the issue time ({@link #mint}): no need to parse the JWT just signed. */
    @Override
    public Optional<String> issueKeyOfMinted(String token, Instant issuedAt) {
        return Optional.of(RandomTokens.issueKey(issuedAt));
    }

    @Override
    public boolean signed() {
        return true;
    }

    @Override
    public Checked check(String presented, Instant now) {
        Optional<JWT> parsed = PresentedJwts.parse(presented);
        // A JWT that is not signed (alg "none"), or encrypted, is a forged token, not a malformed request;
        // so is one the parser refuses for its signature ("none" with one, "None" without one).
        if (parsed.isEmpty()) {
            return Checked.of(PresentedJwts.signedInShape(presented) ? Form.REJECTED : Form.MALFORMED);
        }
        if (!(parsed.get() instanceof SignedJWT jwt)) {
            return Checked.of(Form.REJECTED);
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException notJson) {
            return Checked.of(Form.MALFORMED);
        }
        if (!"refresh".equals(claims.getClaim("token_type")) || claims.getExpirationTime() == null) {
            return Checked.of(Form.REJECTED);
        }
        try {
            if (!verified(jwt)) {
                return Checked.of(Form.REJECTED);
            }
        } catch (JOSEException unverifiable) {
            return Checked.of(Form.REJECTED);
        }
        Date nbf = claims.getNotBeforeTime();
        boolean live = now.isBefore(claims.getExpirationTime().toInstant()) && (nbf == null || !now.isBefore(nbf.toInstant()));
        return live ? new Checked(Form.WELL_FORMED, issueKeyOf(claims)) : Checked.of(Form.REJECTED);
    }

    private boolean verified(SignedJWT jwt) throws JOSEException {
        if (JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            return StoredKeySignature.REFRESH_TOKEN.equals(jwt.getHeader().getType()) && jwt.verify(verifier);
        }
        return legacySignature.verify(jwt, StoredKeySignature.REFRESH_TOKEN);
    }
}
