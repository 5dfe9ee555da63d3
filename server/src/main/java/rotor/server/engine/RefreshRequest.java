package rotor.server.engine;

import io.micronaut.core.annotation.Nullable;

/**
 * One presentation of a refresh token, as a dialect controller pulled it off the wire.
 *
 * @param tenant the tenant the caller names, in the dialect's form; null where the dialect has none
 * @param presentedToken the refresh token, or null when none was presented
 * @param requestedScope a narrower scope for the new tokens (oauth2), or null to keep the grant's
 * @param clientId the authenticated OAuth client (oauth2); null for the other dialects
 */
public record RefreshRequest(Dialect dialect, @Nullable String tenant, @Nullable String presentedToken,
                             @Nullable String requestedScope, @Nullable String clientId) {

    public static RefreshRequest of(Dialect dialect, String tenant, String presentedToken) {
        return new RefreshRequest(dialect, tenant, presentedToken, null, null);
    }
}
