package rotor.client.micronaut;

import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The generated oauth2 client names its form fields after its Java parameters (grantType,
 * refreshToken, ...), where RFC 6749 and openapi/oauth2.yaml say grant_type, refresh_token, ...:
 * this puts the wire names back before the form is encoded. (The conformance suite's validator
 * is what caught the generator at it.)
 */
@ClientFilter(serviceId = "oauth2")
public class OAuth2FormFieldNames {

    @RequestFilter
    public void rename(MutableHttpRequest<?> request) {
        request.getBody().filter(Map.class::isInstance).map(Map.class::cast).ifPresent(form -> {
            Map<String, Object> renamed = new LinkedHashMap<>();
            form.forEach((name, value) -> renamed.put(snakeCase(String.valueOf(name)), value));
            ((MutableHttpRequest<Object>) request).body(renamed);
        });
    }

    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
