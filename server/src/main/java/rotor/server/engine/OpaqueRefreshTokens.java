package rotor.server.engine;

import jakarta.inject.Singleton;
import rotor.server.keys.RandomTokens;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * rtr_ followed by 256 bits in base64url: 48 bits of the issue time, then 208 random
 * ({@link RandomTokens#orderedSecret}). The prefix lets secret scanners and onboard's
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
        return random.orderedSecret(PREFIX, token.issuedAt());
    }

    /** The first 48 bits after the prefix: the issue time, or random bits in tokens minted before. */
    @Override
    public Optional<String> issueKey(String token) {
        if (!SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        byte[] time = Base64.getUrlDecoder().decode(token.substring(PREFIX.length(), PREFIX.length() + 8));
        return Optional.of(HexFormat.of().formatHex(time));
    }

    @Override
    public Checked check(String presented, Instant now) {
        Optional<String> key = issueKey(presented);
        return key.isPresent() ? new Checked(Form.WELL_FORMED, key) : Checked.of(Form.MALFORMED);
    }
}
