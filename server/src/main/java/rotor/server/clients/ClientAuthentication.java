package rotor.server.clients;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import rotor.server.store.OAuthClientRecord;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * RFC 6749 section 2.3.1 client authentication: HTTP Basic (client_secret_basic, the id and secret
 * form-urlencoded before base64) or client_id and client_secret form fields (client_secret_post).
 * A request that uses both, or neither, authenticates no one.
 */
@Singleton
public class ClientAuthentication {

    private static final String BASIC = "basic ";

    private final OAuthClients clients;

    public ClientAuthentication(OAuthClients clients) {
        this.clients = clients;
    }

    public Optional<OAuthClientRecord> authenticate(HttpRequest<?> request, @Nullable String formClientId, @Nullable String formClientSecret) {
        Optional<String[]> basic = basic(request);
        boolean form = formClientSecret != null;
        if (basic.isPresent() == form) {
            return Optional.empty();
        }
        if (basic.isPresent()) {
            String[] idAndSecret = basic.get();
            if (formClientId != null && !formClientId.equals(idAndSecret[0])) {
                return Optional.empty();
            }
            return clients.authenticate(idAndSecret[0], idAndSecret[1]);
        }
        return clients.authenticate(formClientId, formClientSecret);
    }

    private static Optional<String[]> basic(HttpRequest<?> request) {
        return request.getHeaders().get(HttpHeaders.AUTHORIZATION, String.class)
                .filter(value -> value.regionMatches(true, 0, BASIC, 0, BASIC.length()))
                .flatMap(value -> {
                    try {
                        String decoded = new String(Base64.getDecoder().decode(value.substring(BASIC.length()).trim()), StandardCharsets.UTF_8);
                        int colon = decoded.indexOf(':');
                        return colon < 0 ? Optional.empty() : Optional.of(new String[] {
                                URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)});
                    } catch (IllegalArgumentException notBase64) {
                        return Optional.empty();
                    }
                });
    }
}
