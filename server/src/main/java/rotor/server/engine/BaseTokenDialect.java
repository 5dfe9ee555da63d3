package rotor.server.engine;

import rotor.server.store.GrantRecord;

import java.util.Map;

/** The parts of a dialect that are values; a dialect bean adds its tenant rule and any claims of its own. */
public abstract class BaseTokenDialect implements TokenDialect {

    private final Dialect id;
    private final String tenantRule;
    private final RefreshTokenFormat refreshTokens;
    private final DialectPolicy defaultPolicy;

    protected BaseTokenDialect(Dialect id, String tenantRule, RefreshTokenFormat refreshTokens, DialectPolicy defaultPolicy) {
        this.id = id;
        this.tenantRule = tenantRule;
        this.refreshTokens = refreshTokens;
        this.defaultPolicy = defaultPolicy;
    }

    @Override
    public Dialect id() {
        return id;
    }

    @Override
    public String tenantRule() {
        return tenantRule;
    }

    @Override
    public RefreshTokenFormat refreshTokens() {
        return refreshTokens;
    }

    @Override
    public Map<String, Object> accessTokenClaims(GrantRecord grant) {
        return Map.of();
    }

    @Override
    public DialectPolicy defaultPolicy() {
        return defaultPolicy;
    }
}
