package rotor.server.engine;

import io.micronaut.core.annotation.Nullable;
import rotor.server.store.GrantRecord;

import java.util.Map;
import java.util.Optional;

/**
 * Everything the engine and the admin API must know of one dialect, in one place: what its
 * tenant is, how its refresh tokens look, what its access tokens claim beyond the common set, and
 * how its tokens live unless configured otherwise. One bean per dialect, in its dialect package.
 */
public interface TokenDialect {

    Dialect id();

    /** The tenant in its one canonical spelling, or empty when the value is no tenant of this dialect. */
    Optional<String> tenant(@Nullable String raw);

    /** What a tenant of this dialect must be, for an operator who gave a wrong one. */
    String tenantRule();

    RefreshTokenFormat refreshTokens();

    /** Claims of the dialect's access tokens beyond the common set (session's token_type, a grant's client_id). */
    Map<String, Object> accessTokenClaims(GrantRecord grant);

    /** The dialect's policy before configuration (rotor.dialects.NAME.*) overrides it. */
    DialectPolicy defaultPolicy();
}
