package rotor.server.dialect.dayzero;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import rotor.server.engine.BaseTokenDialect;
import rotor.server.engine.Dialect;
import rotor.server.engine.DialectPolicy;
import rotor.server.engine.OpaqueRefreshTokens;
import rotor.server.engine.TenantForms;

import java.util.Optional;

/** dayzero: the tenant is the business UUID (x-business-id); opaque refresh tokens. */
@Singleton
public class DayzeroDialect extends BaseTokenDialect {

    public DayzeroDialect(OpaqueRefreshTokens refreshTokens) {
        super(Dialect.DAYZERO, "must be a UUID (the business id) for dialect dayzero", refreshTokens, DialectPolicy.standard("dayzero"));
    }

    @Override
    public Optional<String> tenant(@Nullable String raw) {
        return TenantForms.uuid(raw);
    }
}
