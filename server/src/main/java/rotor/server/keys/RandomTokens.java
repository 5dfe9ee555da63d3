package rotor.server.keys;

import jakarta.inject.Singleton;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** Unguessable identifiers and secrets from the platform's CSPRNG, each behind a prefix that says what it is. */
@Singleton
public class RandomTokens {

    private static final int TIME_BYTES = 6;

    private final SecureRandom random = new SecureRandom();

    /** 256 random bits: for secrets (refresh tokens, API keys, client secrets). */
    public String secret(String prefix) {
        return prefix + base64url(32);
    }

    /**
     * 256 bits of which the first 48 are the issue time in milliseconds and the other 208 random:
     * for refresh tokens, whose stored hashes then follow the order in which they were issued, so
     * that the tokens of one commit land in the same pages of the store's index instead of
     * scattering over it (bench/RESULTS.md, session 12). 208 random bits keep a guess far below
     * RFC 6749 section 10.10's 2^-128; the time says no more than the holder knows already.
     */
    public String orderedSecret(String prefix, Instant issuedAt) {
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(orderedBits(issuedAt));
    }

    /** The 48 bits of the time that {@link #orderedBits} puts first, as the 12 hex digits a token's issue key is. */
    public static String issueKey(Instant issuedAt) {
        return HexFormat.of().formatHex(timeBits(issuedAt));
    }

    /** The 256 bits of {@link #orderedSecret}, for a format that encodes them itself. */
    public byte[] orderedBits(Instant issuedAt) {
        byte[] buffer = new byte[32];
        random.nextBytes(buffer);
        System.arraycopy(timeBits(issuedAt), 0, buffer, 0, TIME_BYTES);
        return buffer;
    }

    /** The issue time in milliseconds, its low 48 bits big-endian: they sort as the times do until the year 10889. */
    private static byte[] timeBits(Instant issuedAt) {
        byte[] time = ByteBuffer.allocate(Long.BYTES).putLong(issuedAt.toEpochMilli()).array();
        return Arrays.copyOfRange(time, Long.BYTES - TIME_BYTES, Long.BYTES);
    }

    /** 96 random bits: for public identifiers (client ids, connection ids). */
    public String identifier(String prefix) {
        return prefix + base64url(12);
    }

    private String base64url(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }
}
