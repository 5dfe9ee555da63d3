package rotor.server.engine;

import io.micronaut.core.annotation.Nullable;

/**
 * A new grant: who it is for, where, and for which contract.
 *
 * @param tenant in the dialect's own form (a UUID for dayzero, an int32 for partner); null for the default tenant
 * @param clientId the OAuth client that owns the grant, for dialect oauth2
 */
public record GrantRequest(Dialect dialect, String subject, @Nullable String tenant, @Nullable String scope,
                           @Nullable String clientId) {
}
