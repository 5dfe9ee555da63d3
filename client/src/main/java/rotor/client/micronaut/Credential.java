package rotor.client.micronaut;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.PropagatedContextElement;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The credential headers for the calls made inside a scope. The contracts model their
 * credentials as security schemes (dayzero's Bearer refresh token, onboard's x-auth-token, the
 * admin token, mielto's API key), which the generated declarative clients take no parameter for;
 * this is the parameter:
 *
 * <pre>{@code
 * try (var ignored = Credential.bearer(refreshToken).open()) {
 *     dayzero.refreshTokenApiV1Oauth2RefreshPost(businessId);
 * }
 * }</pre>
 *
 * It travels in Micronaut's propagated context, so it reaches {@link CredentialFilter} on whatever
 * thread the client runs, and stays with the calls of the scope that opened it. The headers it
 * names replace what the client set; a null value removes the header (for tests that must send
 * what a typed client never would).
 *
 * @param headers header name to value, in order
 */
public record Credential(Map<String, String> headers) implements PropagatedContextElement {

    public Credential {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** {@code Authorization: Bearer <token>} (RFC 6750). */
    public static Credential bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    /** Any header, e.g. {@code Credential.header("x-auth-token", refreshToken)} for onboard. */
    public static Credential header(String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(name, value);
        return new Credential(headers);
    }

    /** This credential and one more header. */
    public Credential and(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Credential(more);
    }

    /** Makes this the credential of the calls in the returned scope; close it to stop. */
    public PropagatedContext.Scope open() {
        return PropagatedContext.getOrEmpty().plus(this).propagate();
    }

    @Override
    public String toString() {
        return "Credential" + headers.keySet(); // never the values
    }
}
