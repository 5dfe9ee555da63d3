package rotor.server.dialect.oauth2;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import rotor.server.engine.BaseTokenDialect;
import rotor.server.engine.Dialect;
import rotor.server.engine.DialectPolicy;
import rotor.server.engine.OpaqueRefreshTokens;
import rotor.server.engine.TenantForms;
import rotor.server.store.GrantRecord;

import java.util.Map;
import java.util.Optional;

/** oauth2 (RFC 6749): one default tenant; a grant belongs to an OAuth client, named in its access tokens (RFC 9068 client_id). */
@Singleton
public class OAuth2Dialect extends BaseTokenDialect {

    public OAuth2Dialect(OpaqueRefreshTokens refreshTokens) {
        super(Dialect.OAUTH2, "must be omitted (or \"default\") for dialect oauth2", refreshTokens, DialectPolicy.standard("oauth2"));
    }

    @Override
    public Optional<String> tenant(@Nullable String raw) {
        return TenantForms.defaultOnly(raw);
    }

    @Override
    public Map<String, Object> accessTokenClaims(GrantRecord grant) {
        return grant.clientId() != null ? Map.of("client_id", grant.clientId()) : Map.of();
    }
}
