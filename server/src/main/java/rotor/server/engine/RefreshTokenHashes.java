package rotor.server.engine;

import jakarta.inject.Singleton;
import rotor.server.keys.SecretHasher;

import java.util.List;

/**
 * The form in which a refresh token is stored and looked up: its SHA-256 ({@link SecretHasher}),
 * behind the issue time the token carries when it carries one ({@link OpaqueRefreshTokens#issueKey}).
 *
 * <p>Why the time in front: the stored hash is the key of the store's largest index, and a bare
 * hash puts every new token in a random page of it, so each commit rewrote a page per rotation
 * (46% of H2's bytes per commit in bench/RESULTS.md, session 11). Keyed by time, the tokens of one
 * commit, and the parents they spend, share the index's newest pages.
 *
 * <p>Tokens stored before this form existed are stored under the bare hash, and their first bits
 * are random: a presented token is therefore looked up under the keyed form first and the bare
 * hash second ({@link #lookups}), so that nothing issued before an upgrade stops refreshing.
 */
@Singleton
public class RefreshTokenHashes {

    private final SecretHasher hasher;

    public RefreshTokenHashes(SecretHasher hasher) {
        this.hasher = hasher;
    }

    /** How a token minted now is stored. */
    public String stored(String token) {
        String hash = hasher.hash(token);
        return OpaqueRefreshTokens.issueKey(token).map(key -> key + hash).orElse(hash);
    }

    /** The stored forms a presented token may have, the current one first. */
    public List<String> lookups(String presented) {
        String hash = hasher.hash(presented);
        return OpaqueRefreshTokens.issueKey(presented).map(key -> List.of(key + hash, hash)).orElse(List.of(hash));
    }
}
