package rotor.server.admin;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import rotor.server.api.admin.model.AdminError;
import rotor.server.api.admin.model.AdminErrorError;
import rotor.server.api.admin.model.Violation;
import rotor.server.dialect.Credentials;
import rotor.server.dialect.DialectWire;
import rotor.server.dialect.RequestFailure;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The admin contract's errors: AdminError bodies, and the admin token check that precedes everything. */
@Singleton
public class AdminWire extends DialectWire {

    private final AdminToken adminToken;
    private final String oversized;

    public AdminWire(AdminToken adminToken, @Value("${micronaut.server.max-request-size}") long maxRequestSize) {
        super("admin", "/admin/");
        this.adminToken = adminToken;
        // A body within every field's maxLength can still pass the limit when its non-ASCII text is sent escaped.
        this.oversized = "The request body is larger than the " + maxRequestSize / 1024 + " KiB the server reads.";
    }

    /** Empty when the request carries the admin token; otherwise the 401 to answer. */
    public Optional<MutableHttpResponse<?>> refuseUnlessAdmin(HttpRequest<?> request) {
        if (Credentials.bearer(request).filter(adminToken::matches).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(HttpResponse.status(HttpStatus.UNAUTHORIZED)
                .body(new AdminError(AdminErrorError.UNAUTHORIZED, "A valid admin token is required."))
                .header("WWW-Authenticate", "Bearer"));
    }

    public <T> MutableHttpResponse<T> notFound(String what) {
        return typed(HttpResponse.notFound(new AdminError(AdminErrorError.NOT_FOUND, "No such " + what + ".")));
    }

    public <T> MutableHttpResponse<T> invalid(String field, String message) {
        return typed(violations(List.of(new Violation(field, message))));
    }

    @Override
    protected MutableHttpResponse<?> internal(UUID correlationId, Throwable failure) {
        return HttpResponse.serverError(new AdminError(AdminErrorError.INTERNAL_ERROR, "The server could not complete the request."));
    }

    @Override
    protected MutableHttpResponse<?> refusedRoute(RequestFailure.Refused refused) {
        return refused.answer(new AdminError(refused.status() == 404 ? AdminErrorError.NOT_FOUND : AdminErrorError.INVALID_REQUEST,
                refused.reason()));
    }

    @Override
    protected MutableHttpResponse<?> invalidRequest(HttpRequest<?> request, RequestFailure failure) {
        if (failure instanceof RequestFailure.Oversized) {
            return HttpResponse.badRequest(new AdminError(AdminErrorError.INVALID_REQUEST, oversized));
        }
        if (failure instanceof RequestFailure.Violations violations) {
            return violations(violations.violations().stream().map(v -> new Violation(wireName(v.field()), v.message())).toList());
        }
        if (failure instanceof RequestFailure.Invalid invalid) {
            return "path".equals(invalid.location()) ? notFound(invalid.name().replace("_id", ""))
                    : HttpResponse.badRequest(new AdminError(AdminErrorError.INVALID_REQUEST,
                            "The " + invalid.location() + " parameter " + invalid.name() + " has a value of the wrong type."));
        }
        return HttpResponse.badRequest(new AdminError(AdminErrorError.INVALID_REQUEST,
                "The request body is missing, is not JSON, or has a field of the wrong type."));
    }

    /**
     * A violation names the Java parameter or property (tokensLimit); the admin contract spells every
     * field and parameter in snake_case (tokens_limit).
     */
    private static String wireName(String javaName) {
        return javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static MutableHttpResponse<?> violations(List<Violation> violations) {
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new AdminError(AdminErrorError.VALIDATION_FAILED, "The request has invalid fields.").violations(violations));
    }
}
