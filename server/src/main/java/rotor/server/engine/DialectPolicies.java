package rotor.server.engine;

import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The policy of every dialect: the defaults (access tokens 1 h, partner's 24 h as its document
 * says; refresh tokens 30 days; rotation on; no grace, and one re-issue
 * per token when a grace period is set; no idle timeout; the dialect's name as the audience) under configuration.
 */
@Singleton
public class DialectPolicies {

    private final Map<Dialect, DialectPolicy> policies = new EnumMap<>(Dialect.class);

    public DialectPolicies(List<DialectPolicyProperties> configured) {
        for (Dialect dialect : Dialect.values()) {
            policies.put(dialect, defaultFor(dialect));
        }
        for (DialectPolicyProperties properties : configured) {
            Dialect dialect = Dialect.fromWireName(properties.getName()).orElseThrow(() ->
                    new IllegalStateException("rotor.dialects." + properties.getName() + " names no dialect"));
            policies.put(dialect, properties.over(defaultFor(dialect)));
        }
    }

    public DialectPolicy of(Dialect dialect) {
        return policies.get(dialect);
    }

    /** The longest access-token lifetime of any dialect: how long a retired key must stay published. */
    public Duration longestAccessTokenLifetime() {
        return policies.values().stream().map(DialectPolicy::accessTokenLifetime).max(Duration::compareTo).orElseThrow();
    }

    /**
     * The longest any token signed with a signing key can be presented: every access token, and
     * session's refresh JWTs. A retired key must verify (and be published) that long.
     */
    public Duration longestSignedTokenLifetime() {
        Duration sessionRefresh = policies.get(Dialect.SESSION).refreshTokenLifetime();
        Duration access = longestAccessTokenLifetime();
        return sessionRefresh.compareTo(access) > 0 ? sessionRefresh : access;
    }

    private static DialectPolicy defaultFor(Dialect dialect) {
        Duration access = dialect == Dialect.PARTNER ? Duration.ofHours(24) : Duration.ofHours(1);
        return new DialectPolicy(access, Duration.ofDays(30), true, Duration.ZERO, Duration.ZERO, 1, dialect.wireName());
    }
}
