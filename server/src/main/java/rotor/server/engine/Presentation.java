package rotor.server.engine;

import io.micronaut.core.annotation.Nullable;

/**
 * A presented refresh token's context, once the tenant is in its canonical form.
 *
 * @param clientId the authenticated OAuth client (oauth2), or null
 * @param requestedScope a narrower scope asked for, or null
 */
public record Presentation(Dialect dialect, String tenant, @Nullable String clientId, @Nullable String requestedScope) {
}
