package rotor.server.dialect.partner;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import rotor.server.engine.BaseTokenDialect;
import rotor.server.engine.Dialect;
import rotor.server.engine.DialectPolicy;
import rotor.server.engine.OpaqueRefreshTokens;
import rotor.server.engine.TenantForms;

import java.time.Duration;
import java.util.Optional;

/** partner: the tenant is the int32 partnerId; access tokens live 24 h, as its document says. */
@Singleton
public class PartnerDialect extends BaseTokenDialect {

    public PartnerDialect(OpaqueRefreshTokens refreshTokens) {
        super(Dialect.PARTNER, "must be an int32 (the partner id) for dialect partner", refreshTokens, DialectPolicy.standard("partner").withAccessTokenLifetime(Duration.ofHours(24)));
    }

    @Override
    public Optional<String> tenant(@Nullable String raw) {
        return TenantForms.int32(raw);
    }
}
