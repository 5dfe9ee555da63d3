package rotor.server.dialect.session;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import rotor.server.engine.BaseTokenDialect;
import rotor.server.engine.Dialect;
import rotor.server.engine.DialectPolicy;
import rotor.server.engine.TenantForms;
import rotor.server.store.GrantRecord;

import java.util.Map;
import java.util.Optional;

/** session: one default tenant; refresh tokens are JWTs like the seed's, access tokens say token_type access. */
@Singleton
public class SessionDialect extends BaseTokenDialect {

    public SessionDialect(SessionRefreshTokens refreshTokens) {
        super(Dialect.SESSION, "must be omitted (or \"default\") for dialect session", refreshTokens, DialectPolicy.standard("session"));
    }

    @Override
    public Optional<String> tenant(@Nullable String raw) {
        return TenantForms.defaultOnly(raw);
    }

    @Override
    public Map<String, Object> accessTokenClaims(GrantRecord grant) {
        return Map.of("token_type", "access");
    }
}
