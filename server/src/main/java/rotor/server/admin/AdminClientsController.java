package rotor.server.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import rotor.server.api.admin.ClientsApi;
import rotor.server.api.admin.model.CreateClientRequest;
import rotor.server.api.admin.model.RegisteredClient;
import rotor.server.clients.OAuthClients;
import rotor.server.dialect.RequestFailure;
import rotor.server.dialect.TokenResponses;

import java.time.Clock;

/** Registers OAuth clients of the standard contract, the secret in this one response only, and deletes them (admin token: {@link AdminTokenFilter}). */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminClientsController implements ClientsApi {

    private final OAuthClients clients;
    private final AdminWire wire;
    private final Clock clock;

    public AdminClientsController(OAuthClients clients, AdminWire wire, Clock clock) {
        this.clients = clients;
        this.wire = wire;
        this.clock = clock;
    }

    @Override
    public HttpResponse<RegisteredClient> createClient(CreateClientRequest body) {
        OAuthClients.Registered registered = clients.register(body.getClientName(), body.getScope(), clock.instant());
        return TokenResponses.noStore(HttpResponse.created(new RegisteredClient(registered.client().clientId(), registered.secret())
                .clientName(registered.client().clientName())
                .scope(registered.client().scope())));
    }

    @Override
    public HttpResponse<Void> deleteClient(String clientId) {
        return clients.delete(clientId, clock.instant()) ? HttpResponse.noContent() : wire.notFound("client");
    }

    @Error(global = false)
    public HttpResponse<?> failure(HttpRequest<?> request, Throwable failure) {
        return wire.failure(request, RequestFailure.classify(failure));
    }
}
