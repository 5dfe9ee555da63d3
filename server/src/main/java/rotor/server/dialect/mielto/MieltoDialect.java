package rotor.server.dialect.mielto;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import rotor.server.engine.BaseTokenDialect;
import rotor.server.engine.Dialect;
import rotor.server.engine.DialectPolicy;
import rotor.server.engine.OpaqueRefreshTokens;
import rotor.server.engine.TenantForms;

import java.util.Optional;

/** mielto: the tenant is the workspace id; its access tokens authenticate the workspace's callers. */
@Singleton
public class MieltoDialect extends BaseTokenDialect {

    public MieltoDialect(OpaqueRefreshTokens refreshTokens) {
        super(Dialect.MIELTO, "must be a workspace id of at most 128 characters for dialect mielto", refreshTokens, DialectPolicy.standard("mielto"));
    }

    @Override
    public Optional<String> tenant(@Nullable String raw) {
        return TenantForms.name(raw, 128);
    }
}
