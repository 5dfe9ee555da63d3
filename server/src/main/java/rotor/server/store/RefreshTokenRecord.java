package rotor.server.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of refresh_token: the SHA-256 of one refresh token and where it stands in its grant.
 *
 * @param reissues how often a grace re-issue gave this (spent) token another successor
 * @param superseded spent not by its holder but by a grace re-issue that replaced it: presenting it is reuse
 */
@MappedEntity("refresh_token")
public record RefreshTokenRecord(
        @Id String tokenHash,
        UUID grantId,
        @Nullable String parentHash,
        int generation,
        @Nullable String scope,
        Instant issuedAt,
        Instant expiresAt,
        @Nullable Instant usedAt,
        int reissues,
        boolean superseded) {

    /** A token as issued: unspent, never re-issued. */
    public static RefreshTokenRecord issued(String tokenHash, UUID grantId, @Nullable String parentHash, int generation,
                                            @Nullable String scope, Instant issuedAt, Instant expiresAt) {
        return new RefreshTokenRecord(tokenHash, grantId, parentHash, generation, scope, issuedAt, expiresAt, null, 0, false);
    }
}
