package rotor.server.engine;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

/** A token pair just issued. The refresh token's plaintext exists only here and in the response that carries it. */
public record IssuedTokens(
        UUID grantId,
        Dialect dialect,
        String tenant,
        String subject,
        @Nullable String scope,
        @Nullable String clientId,
        String refreshToken,
        Instant refreshExpiresAt,
        String accessToken,
        Instant accessIssuedAt,
        Instant accessExpiresAt) {

    /** The access token's lifetime in whole seconds, for expires_in. */
    public long accessExpiresInSeconds() {
        return accessExpiresAt.getEpochSecond() - accessIssuedAt.getEpochSecond();
    }

    @Override
    public String toString() {
        // Never print the tokens.
        return "IssuedTokens[grant=" + grantId + ", dialect=" + dialect + ", tenant=" + tenant + "]";
    }
}
