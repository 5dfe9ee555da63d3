package rotor.server.engine;

import jakarta.inject.Singleton;
import rotor.server.keys.RandomTokens;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * rtr_ followed by 256 random bits in base64url. The prefix lets secret scanners and onboard's
 * MALFORMED_TOKEN check tell our tokens from anything else.
 */
@Singleton
public final class OpaqueRefreshTokens implements RefreshTokenFormat {

    static final String PREFIX = "rtr_";
    private static final Pattern SHAPE = Pattern.compile("rtr_[A-Za-z0-9_-]{43}");

    private final RandomTokens random;

    public OpaqueRefreshTokens(RandomTokens random) {
        this.random = random;
    }

    @Override
    public String mint(NewToken token) {
        return random.secret(PREFIX);
    }

    @Override
    public Form check(String presented, Instant now) {
        return SHAPE.matcher(presented).matches() ? Form.WELL_FORMED : Form.MALFORMED;
    }
}
