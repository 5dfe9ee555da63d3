package rotor.server.engine;

import io.micronaut.core.annotation.Nullable;

/**
 * A new grant: who it is for, where, and for which contract.
 *
 * @param tenant in the dialect's own form (a UUID for dayzero, an int32 for partner); null for the default tenant
 * @param clientId the OAuth client that owns the grant: required for dialect oauth2, refused for every other
 */
public record GrantRequest(Dialect dialect, String subject, @Nullable String tenant, @Nullable String scope,
                           @Nullable String clientId) {

    /**
     * @throws IllegalArgumentException when an oauth2 grant names no client, or another dialect's grant names one
     */
    public GrantRequest {
        // Only an oauth2 grant belongs to a client. A client named on another dialect's grant could
        // introspect and revoke it through /oauth2/* (RFC 7662 section 4, RFC 7009 section 2.1 let a
        // client reach its own tokens), and an oauth2 grant without one would belong to nobody.
        if (dialect == Dialect.OAUTH2 && clientId == null) {
            throw new IllegalArgumentException("an oauth2 grant belongs to a client: name one");
        }
        if (dialect != Dialect.OAUTH2 && clientId != null) {
            throw new IllegalArgumentException("only oauth2 grants belong to a client, not grants of dialect " + dialect.wireName());
        }
    }
}
