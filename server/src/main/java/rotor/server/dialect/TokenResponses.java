package rotor.server.dialect;

import io.micronaut.http.MutableHttpResponse;

/** Token responses are never cached (RFC 6749 section 5.1). */
public final class TokenResponses {

    private TokenResponses() {
    }

    public static <T> MutableHttpResponse<T> noStore(MutableHttpResponse<T> response) {
        return response.header("Cache-Control", "no-store").header("Pragma", "no-cache");
    }
}
