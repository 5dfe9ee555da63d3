package rotor.server.dialect;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

import java.util.Optional;

/** Pulls a credential off a request: the Bearer token of RFC 6750 section 2.1, or a named header. */
public final class Credentials {

    private static final String BEARER = "bearer ";

    private Credentials() {
    }

    /** The token after "Bearer " (the scheme is case-insensitive), if there is one. */
    public static Optional<String> bearer(HttpRequest<?> request) {
        return request.getHeaders().get(HttpHeaders.AUTHORIZATION, String.class)
                .filter(value -> value.length() > BEARER.length() && value.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(value -> value.substring(BEARER.length()).trim())
                .filter(token -> !token.isEmpty());
    }

    public static Optional<String> header(HttpRequest<?> request, String name) {
        return request.getHeaders().get(name, String.class).map(String::trim).filter(value -> !value.isEmpty());
    }
}
