package rotor.server.engine;

import jakarta.inject.Singleton;
import rotor.server.keys.RandomTokens;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * rtr_ followed by 256 bits in base64url: 48 bits of the issue time, then 208 random
 * ({@link RandomTokens#orderedSecret}). The prefix lets secret scanners and onboard's
 * MALFORMED_TOKEN check tell our tokens from anything else.
 */
@Singleton
public final class OpaqueRefreshTokens implements RefreshTokenFormat {

    static final String PREFIX = "rtr_";
    /** Base64url characters after the prefix: 256 bits in 43 of them, unpadded. */
    private static final int BODY_LENGTH = 43;

    private final RandomTokens random;

    public OpaqueRefreshTokens(RandomTokens random) {
        this.random = random;
    }

    @Override
    public String mint(NewToken token) {
        return random.orderedSecret(PREFIX, token.issuedAt());
    }

    /** The first 48 bits after the prefix: the issue time, or random bits in tokens minted before. */
    @Override
    public Optional<String> issueKey(String token) {
        if (!hasShape(token)) {
            return Optional.empty();
        }
        byte[] time = Base64.getUrlDecoder().decode(token.substring(PREFIX.length(), PREFIX.length() + 8));
        return Optional.of(HexFormat.of().formatHex(time));
    }

    /** rtr_ and 43 base64url characters; a loop rather than a regex, as every refresh asks. */
    static boolean hasShape(String token) {
        if (token.length() != PREFIX.length() + BODY_LENGTH || !token.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < token.length(); i++) {
            char c = token.charAt(i);
            boolean base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!base64url) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Checked check(String presented, Instant now) {
        Optional<String> key = issueKey(presented);
        return key.isPresent() ? new Checked(Form.WELL_FORMED, key) : Checked.of(Form.MALFORMED);
    }
}
