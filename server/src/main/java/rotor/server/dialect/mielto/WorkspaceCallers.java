package rotor.server.dialect.mielto;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.utils.SecurityService;
import jakarta.inject.Singleton;
import rotor.server.connections.ApiKeys;
import rotor.server.dialect.Credentials;
import rotor.server.engine.Dialect;
import rotor.server.engine.RotationRules.GrantState;
import rotor.server.grants.GrantHistory;
import rotor.server.store.GrantRecord;
import rotor.server.store.GrantRepository;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * mielto's DualAuthScheme: the Bearer credential is either a workspace API key, or an access-token
 * JWT issued by this server, which Micronaut Security JWT has already validated (signature against
 * the stored keys, expiry) by the time a controller runs. The workspace is the key's, or the
 * token's tenant. Every dialect's access tokens are signed by the same keys and carry a tenant,
 * and a workspace may bear any tenant's name ("default", a business UUID): so a token counts only
 * when the store shows its grant is mielto's, for that workspace, and still live.
 */
@Singleton
public class WorkspaceCallers {

    private final SecurityService security;
    private final ApiKeys apiKeys;
    private final GrantRepository grants;
    private final GrantHistory history;
    private final Clock clock;

    public WorkspaceCallers(SecurityService security, ApiKeys apiKeys, GrantRepository grants, GrantHistory history,
                            Clock clock) {
        this.security = security;
        this.apiKeys = apiKeys;
        this.grants = grants;
        this.history = history;
        this.clock = clock;
    }

    /** The workspace the caller acts for, or empty when the credential is missing or worth nothing. */
    public Optional<String> workspaceOf(HttpRequest<?> request) {
        Optional<Authentication> jwt = security.getAuthentication();
        if (jwt.isPresent()) {
            return workspaceOf(jwt.get());
        }
        return Credentials.bearer(request).flatMap(apiKeys::workspaceOf);
    }

    private Optional<String> workspaceOf(Authentication authentication) {
        Object tenant = authentication.getAttributes().get("tid");
        Object grantId = authentication.getAttributes().get("gid");
        if (!(tenant instanceof String workspace) || !(grantId instanceof String gid)
                || "refresh".equals(authentication.getAttributes().get("token_type"))) {
            return Optional.empty();
        }
        UUID id;
        try {
            id = UUID.fromString(gid);
        } catch (IllegalArgumentException notAGrant) {
            return Optional.empty();
        }
        return grants.findById(id).filter(grant -> actsFor(grant, workspace)).map(GrantRecord::tenant);
    }

    private boolean actsFor(GrantRecord grant, String workspace) {
        return Dialect.MIELTO.wireName().equals(grant.dialect()) && grant.tenant().equals(workspace)
                && history.stateOf(grant, clock.instant()) == GrantState.ACTIVE;
    }
}
