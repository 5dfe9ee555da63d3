package rotor.server.engine;

import java.time.Instant;

/** How one dialect's refresh tokens look: how a new one is made, and whether a presented one could be ours. */
public interface RefreshTokenFormat {

    /** A new token value, unguessable, for the given record. */
    String mint(NewToken token);

    /** Whether the presented value has the form of our tokens, before anything is looked up. */
    Form check(String presented, Instant now);

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
