package rotor.server.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import rotor.server.api.admin.GrantsApi;
import rotor.server.api.admin.model.CreateGrantRequest;
import rotor.server.api.admin.model.Grant;
import rotor.server.api.admin.model.GrantStatus;
import rotor.server.api.admin.model.IssuedGrant;
import rotor.server.api.admin.model.IssuedToken;
import rotor.server.clients.OAuthClients;
import rotor.server.dialect.RequestFailure;
import rotor.server.dialect.TokenResponses;
import rotor.server.engine.Dialect;
import rotor.server.engine.Dialects;
import rotor.server.grants.GrantHistory;
import rotor.server.engine.GrantRequest;
import rotor.server.engine.IssuedTokens;
import rotor.server.engine.Scopes;
import rotor.server.engine.TokenEngine;
import rotor.server.store.OAuthClientRecord;
import rotor.server.store.RefreshTokenRecord;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Issues a grant's first token pair in any dialect's format, shows a grant, revokes it (admin token: {@link AdminTokenFilter}). */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminGrantsController implements GrantsApi {

    /** admin.yaml's default for tokens_limit. */
    private static final int DEFAULT_TOKENS_LIMIT = 100;

    private final TokenEngine engine;
    private final Dialects dialects;
    private final GrantHistory history;
    private final OAuthClients clients;
    private final AdminWire wire;
    private final Clock clock;

    public AdminGrantsController(TokenEngine engine, Dialects dialects, GrantHistory history, OAuthClients clients, AdminWire wire,
                                 Clock clock) {
        this.engine = engine;
        this.dialects = dialects;
        this.history = history;
        this.clients = clients;
        this.wire = wire;
        this.clock = clock;
    }

    @Override
    public HttpResponse<IssuedGrant> createGrant(CreateGrantRequest body) {
        Dialect dialect = Dialect.valueOf(body.getDialect().name());
        if (dialect == Dialect.OAUTH2) {
            Optional<OAuthClientRecord> client = body.getClientId() == null ? Optional.empty() : clients.find(body.getClientId());
            if (client.isEmpty()) {
                return wire.invalid("client_id", "must name a registered client for dialect oauth2");
            }
            // admin.yaml: a client's scope is "the widest scope grants of this client may carry".
            if (client.get().scope() != null && !Scopes.allows(client.get().scope(), body.getScope())) {
                return wire.invalid("scope", "must be within the client's registered scope");
            }
        }
        // Only an oauth2 grant belongs to a client: a client id on another dialect's grant would let
        // that client introspect and revoke it through /oauth2/*.
        if (dialect != Dialect.OAUTH2 && body.getClientId() != null) {
            return wire.invalid("client_id", "must be omitted for dialect " + dialect.wireName() + ": only oauth2 grants belong to a client");
        }
        GrantRequest request = new GrantRequest(dialect, body.getSubject(), body.getTenant(), body.getScope(), body.getClientId());
        IssuedTokens issued;
        try {
            issued = engine.issue(request, clock.instant());
        } catch (IllegalArgumentException notATenant) {
            return wire.invalid("tenant", dialects.of(dialect).tenantRule());
        }
        if (dialect == Dialect.OAUTH2 && !clients.stillRegistered(body.getClientId())) {
            engine.revoke(issued.grantId(), "client_deleted", clock.instant());
            return wire.invalid("client_id", "must name a registered client for dialect oauth2");
        }
        IssuedGrant grant = new IssuedGrant(issued.grantId(), body.getDialect(), issued.tenant(), issued.subject(),
                issued.refreshToken(), issued.accessToken(), utc(issued.accessExpiresAt()), utc(issued.refreshExpiresAt()))
                .scope(issued.scope())
                .clientId(issued.clientId());
        return TokenResponses.noStore(HttpResponse.created(grant));
    }

    @Override
    public HttpResponse<Grant> getGrant(UUID grantId, Integer tokensAfter, Integer tokensLimit) {
        int after = tokensAfter == null ? 0 : tokensAfter;
        int limit = tokensLimit == null ? DEFAULT_TOKENS_LIMIT : tokensLimit;
        return history.find(grantId, clock.instant(), after, limit)
                .<HttpResponse<Grant>>map(view -> HttpResponse.ok(toModel(view)))
                .orElseGet(() -> wire.notFound("grant"));
    }

    @Override
    public HttpResponse<Void> revokeGrant(UUID grantId) {
        return engine.revoke(grantId, "admin", clock.instant()) ? HttpResponse.noContent() : wire.notFound("grant");
    }

    @Error(global = false)
    public HttpResponse<?> failure(HttpRequest<?> request, Throwable failure) {
        return wire.failure(request, RequestFailure.classify(failure));
    }

    private static Grant toModel(GrantHistory.GrantView view) {
        var grant = view.grant();
        return new Grant(grant.id(), rotor.server.api.admin.model.Dialect.fromValue(grant.dialect()), grant.tenant(), grant.subject(),
                GrantStatus.fromValue(view.state().name().toLowerCase(Locale.ROOT)), utc(grant.createdAt()), utc(grant.expiresAt()),
                view.tokens().stream().map(AdminGrantsController::toModel).toList())
                .scope(grant.scope())
                .clientId(grant.clientId())
                .revokedReason(grant.revokedReason())
                .revokedAt(utc(grant.revokedAt()))
                .nextTokensAfter(view.nextAfter());
    }

    private static IssuedToken toModel(RefreshTokenRecord token) {
        return new IssuedToken(token.generation(), utc(token.issuedAt()), utc(token.expiresAt())).usedAt(utc(token.usedAt()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

}
