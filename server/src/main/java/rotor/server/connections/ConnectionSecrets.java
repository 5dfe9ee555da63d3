package rotor.server.connections;

import io.micronaut.core.annotation.Nullable;

/**
 * A connection's secrets in the clear, for the moment of one upstream call. Never logged: its
 * toString says nothing.
 */
public record ConnectionSecrets(String clientSecret, String refreshToken, @Nullable String accessToken) {

    @Override
    public String toString() {
        return "ConnectionSecrets[...]";
    }
}
