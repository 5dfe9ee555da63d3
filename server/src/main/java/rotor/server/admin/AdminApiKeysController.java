package rotor.server.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import rotor.server.api.admin.ApiKeysApi;
import rotor.server.api.admin.model.CreateApiKeyRequest;
import rotor.server.api.admin.model.IssuedApiKey;
import rotor.server.connections.ApiKeys;
import rotor.server.dialect.RequestFailure;
import rotor.server.dialect.TokenResponses;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;

/** Creates workspace API keys, the key in this one response only, and deletes them (admin token: {@link AdminTokenFilter}). */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminApiKeysController implements ApiKeysApi {

    private final ApiKeys apiKeys;
    private final AdminWire wire;
    private final Clock clock;

    public AdminApiKeysController(ApiKeys apiKeys, AdminWire wire, Clock clock) {
        this.apiKeys = apiKeys;
        this.wire = wire;
        this.clock = clock;
    }

    @Override
    public HttpResponse<IssuedApiKey> createApiKey(CreateApiKeyRequest body) {
        ApiKeys.Issued issued = apiKeys.create(body.getWorkspaceId(), clock.instant());
        return TokenResponses.noStore(HttpResponse.created(new IssuedApiKey(issued.record().id(), issued.record().workspaceId(),
                issued.key(), issued.record().createdAt().atOffset(ZoneOffset.UTC))));
    }

    @Override
    public HttpResponse<Void> deleteApiKey(UUID apiKeyId) {
        return apiKeys.delete(apiKeyId) ? HttpResponse.noContent() : wire.notFound("API key");
    }

    @Error(global = false)
    public HttpResponse<?> failure(HttpRequest<?> request, Throwable failure) {
        return wire.failure(request, RequestFailure.classify(failure));
    }
}
