package rotor.server.engine;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** How one dialect's refresh tokens look: how a new one is made, and whether a presented one could be ours. */
public interface RefreshTokenFormat {

    /** A new token value, unguessable, for the given record. */
    String mint(NewToken token);

    /**
     * Whether the presented value has the form of our tokens, before anything is looked up, and
     * the issue key it carries ({@link #issueKey}): a refresh then reads the value once, which for
     * a JWT is a parse.
     */
    Checked check(String presented, Instant now);

    /**
     * The issue time that a token of this format carries, as 12 hex digits of its epoch
     * milliseconds that sort as the times do ({@link RefreshTokenHashes}); empty for a value not of
     * this format's shape. Read without verifying anything, so it must never throw on hostile
     * input; a token minted before the time was there yields a key that no stored token has.
     */
    default Optional<String> issueKey(String token) {
        return Optional.empty();
    }

    /**
     * The issue key of a token this format has just minted at {@code issuedAt}: what
     * {@link #issueKey} reads back from it, for a format that knows it without reading the token
     * again (a JWT would be parsed a second time on every refresh).
     */
    default Optional<String> issueKeyOfMinted(String token, Instant issuedAt) {
        return issueKey(token);
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

    /** What {@link #check} found: the value's form and, when it has one, its issue key. */
    record Checked(Form form, Optional<String> issueKey) {

        public Checked {
            Objects.requireNonNull(form);
            Objects.requireNonNull(issueKey);
        }

        public static Checked of(Form form) {
            return new Checked(form, Optional.empty());
        }
    }

    /** What a token is minted for. */
    record NewToken(String subject, Instant issuedAt, Instant expiresAt) {
    }
}
