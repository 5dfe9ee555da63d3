package rotor.server.engine;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import rotor.server.keys.SecretHasher;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The form in which a refresh token is stored and looked up: its SHA-256 ({@link SecretHasher}),
 * behind the issue time the token carries ({@link RefreshTokenFormat#issueKey}).
 *
 * <p>Why the time in front: the stored hash is the key of the store's largest index, and a bare
 * hash puts every new token in a random page of it, so each commit rewrote a page per rotation
 * (46% of H2's bytes per commit in bench/RESULTS.md, session 11). Keyed by time, the tokens of one
 * commit, and the parents they spend, share the index's newest pages.
 *
 * <p>Tokens stored before this form existed are stored under the bare hash, and their first bits
 * are random: a presented token is therefore looked up under the keyed form first and the bare
 * hash second ({@link #lookups}), so that nothing issued before an upgrade stops refreshing. The
 * formats' shapes do not overlap, so at most one of them reads a key from a given value.
 */
@Singleton
public class RefreshTokenHashes {

    private final SecretHasher hasher;
    private final List<RefreshTokenFormat> formats;

    @Inject
    public RefreshTokenHashes(SecretHasher hasher, Dialects dialects) {
        this(hasher, dialects.refreshTokenFormats());
    }

    public RefreshTokenHashes(SecretHasher hasher, List<RefreshTokenFormat> formats) {
        this.hasher = hasher;
        this.formats = List.copyOf(formats);
    }

    /** How a token that {@code format} has just minted at {@code issuedAt} is stored. */
    public String stored(RefreshTokenFormat format, String token, Instant issuedAt) {
        String hash = hasher.hash(token);
        return format.issueKeyOfMinted(token, issuedAt).map(key -> key + hash).orElse(hash);
    }

    /** The stored forms a presented token may have, the current one first. */
    public List<String> lookups(String presented) {
        return lookups(presented, issueKey(presented));
    }

    /** The same, for a token whose format has already read its issue key ({@link RefreshTokenFormat#check}). */
    public List<String> lookups(String presented, Optional<String> issueKey) {
        String hash = hasher.hash(presented);
        return issueKey.map(key -> List.of(key + hash, hash)).orElse(List.of(hash));
    }

    private Optional<String> issueKey(String token) {
        for (RefreshTokenFormat format : formats) {
            Optional<String> key = format.issueKey(token);
            if (key.isPresent()) {
                return key;
            }
        }
        return Optional.empty();
    }
}
