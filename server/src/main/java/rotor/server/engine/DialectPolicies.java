package rotor.server.engine;

import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The policy of every dialect: its bean's defaults ({@link TokenDialect#defaultPolicy()}) under
 * configuration (rotor.dialects.NAME.*).
 */
@Singleton
public class DialectPolicies {

    private final Map<Dialect, DialectPolicy> policies = new EnumMap<>(Dialect.class);
    private final Duration longestSignedTokenLifetime;

    public DialectPolicies(Dialects dialects, List<DialectPolicyProperties> configured) {
        for (Dialect dialect : Dialect.values()) {
            policies.put(dialect, dialects.of(dialect).defaultPolicy());
        }
        for (DialectPolicyProperties properties : configured) {
            Dialect dialect = Dialect.fromWireName(properties.getName()).orElseThrow(() ->
                    new IllegalStateException("rotor.dialects." + properties.getName() + " names no dialect"));
            policies.put(dialect, properties.over(dialects.of(dialect).defaultPolicy()));
        }
        Duration longest = Duration.ZERO;
        for (Dialect dialect : Dialect.values()) {
            DialectPolicy policy = policies.get(dialect);
            longest = max(longest, policy.accessTokenLifetime());
            if (dialects.of(dialect).refreshTokens().signed()) {
                longest = max(longest, policy.refreshTokenLifetime());
            }
        }
        this.longestSignedTokenLifetime = longest;
    }

    public DialectPolicy of(Dialect dialect) {
        return policies.get(dialect);
    }

    /**
     * The longest any token signed with a signing key can be presented: every access token, and
     * refresh tokens that are JWTs (session's). A retired key must verify (and be published) that long.
     */
    public Duration longestSignedTokenLifetime() {
        return longestSignedTokenLifetime;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
