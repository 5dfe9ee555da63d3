package rotor.server.dialect.onboard;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import rotor.server.engine.BaseTokenDialect;
import rotor.server.engine.Dialect;
import rotor.server.engine.DialectPolicy;
import rotor.server.engine.OpaqueRefreshTokens;
import rotor.server.engine.TenantForms;

import java.util.Optional;

/** onboard: one default tenant; opaque refresh tokens (MALFORMED_TOKEN tells other values apart). */
@Singleton
public class OnboardDialect extends BaseTokenDialect {

    public OnboardDialect(OpaqueRefreshTokens refreshTokens) {
        super(Dialect.ONBOARD, "must be omitted (or \"default\") for dialect onboard", refreshTokens, DialectPolicy.standard("onboard"));
    }

    @Override
    public Optional<String> tenant(@Nullable String raw) {
        return TenantForms.defaultOnly(raw);
    }
}
