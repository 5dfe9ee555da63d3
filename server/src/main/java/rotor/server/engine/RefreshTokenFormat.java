package rotor.server.engine;

import java.time.Instant;
import java.util.Optional;

/** How one dialect's refresh tokens look: how a new one is made, and whether a presented one could be ours. */
public interface RefreshTokenFormat {

    /** A new token value, unguessable, for the given record. */
    String mint(NewToken token);

    /** Whether the presented value has the form of our tokens, before anything is looked up. */
    Form check(String presented, Instant now);

    /**
     * The issue time that a token of this format carries, as 12 hex digits of its epoch
     * milliseconds that sort as the times do ({@link RefreshTokenHashes}); empty for a value not of
     * this format's shape. Read without verifying anything, so it must never throw on hostile
     * input; a token minted before the time was there yields a key that no stored token has.
     */
    default Optional<String> issueKey(String token) {
        return Optional.empty();
    }

    /** Whether the tokens are signed with the signing keys, which must then verify as long as they live. */
    default boolean signed() {
        return false;
    }

    enum Form {
        /** Looks like one of ours: look it up. */
        WELL_FORMED,
        /** Not a token of this server's format at all. */
        MALFORMED,
        /** Our format, but provably not valid (a bad signature, an expired JWT): unknown. */
        REJECTED
    }

    /** What a token is minted for. */
    record NewToken(String subject, Instant issuedAt, Instant expiresAt) {
    }
}
