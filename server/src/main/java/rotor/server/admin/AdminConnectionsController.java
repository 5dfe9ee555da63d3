package rotor.server.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import rotor.server.api.admin.ConnectionsApi;
import rotor.server.api.admin.model.ClientAuthMethod;
import rotor.server.api.admin.model.Connection;
import rotor.server.api.admin.model.ConnectionStatus;
import rotor.server.api.admin.model.CreateConnectionRequest;
import rotor.server.connections.Connections;
import rotor.server.connections.TokenUrlPolicy;
import rotor.server.dialect.RequestFailure;
import rotor.server.store.ConnectionRecord;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Registers, shows and deletes mielto's upstream connections, never showing a secret (admin token: {@link AdminTokenFilter}). */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminConnectionsController implements ConnectionsApi {

    private final Connections connections;
    private final TokenUrlPolicy tokenUrls;
    private final AdminWire wire;
    private final Clock clock;

    public AdminConnectionsController(Connections connections, TokenUrlPolicy tokenUrls, AdminWire wire, Clock clock) {
        this.connections = connections;
        this.tokenUrls = tokenUrls;
        this.wire = wire;
        this.clock = clock;
    }

    @Override
    public HttpResponse<Connection> createConnection(CreateConnectionRequest body) {
        URI tokenUrl = body.getTokenUrl();
        Optional<String> refused = tokenUrls.refusal(tokenUrl);
        if (refused.isPresent()) {
            return wire.invalid("token_url", refused.get());
        }
        Connections.ClientAuthMethod method = body.getClientAuthMethod() == ClientAuthMethod.POST
                ? Connections.ClientAuthMethod.CLIENT_SECRET_POST : Connections.ClientAuthMethod.CLIENT_SECRET_BASIC;
        ConnectionRecord created = connections.create(new Connections.NewConnection(body.getWorkspaceId(), tokenUrl, body.getClientId(),
                body.getClientSecret(), body.getRefreshToken(), body.getAccessToken(),
                body.getExpiresAt() == null ? null : body.getExpiresAt().toInstant(), method), clock.instant());
        return HttpResponse.created(toModel(created));
    }

    @Override
    public HttpResponse<Connection> getConnection(String connectionId) {
        return connections.find(connectionId).<HttpResponse<Connection>>map(c -> HttpResponse.ok(toModel(c)))
                .orElseGet(() -> wire.notFound("connection"));
    }

    @Override
    public HttpResponse<Void> deleteConnection(String connectionId) {
        return connections.delete(connectionId) ? HttpResponse.noContent() : wire.notFound("connection");
    }

    @Error(global = false)
    public HttpResponse<?> failure(HttpRequest<?> request, Throwable failure) {
        return wire.failure(request, RequestFailure.classify(failure));
    }

    private static Connection toModel(ConnectionRecord record) {
        return new Connection(record.id(), record.workspaceId(), ConnectionStatus.fromValue(record.status()), URI.create(record.tokenUrl()),
                record.clientId(), ClientAuthMethod.fromValue(record.clientAuthMethod()), utc(record.createdAt()), utc(record.updatedAt()))
                .expiresAt(utc(record.expiresAt()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
