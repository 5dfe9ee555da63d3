package rotor.client.micronaut;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.PropagatedContextElement;

/**
 * A credential for the calls made inside a scope. The contracts model their credentials as
 * security schemes (dayzero's Bearer refresh token, onboard's x-auth-token, the admin token,
 * mielto's API key), which the generated declarative clients take no parameter for; this is the
 * parameter:
 *
 * <pre>{@code
 * try (var ignored = Credential.bearer(refreshToken).open()) {
 *     dayzero.refreshTokenApiV1Oauth2RefreshPost(businessId);
 * }
 * }</pre>
 *
 * It travels in Micronaut's propagated context, so it reaches {@link CredentialFilter} on whatever
 * thread the client runs, and stays with the calls of the scope that opened it.
 *
 * @param header the request header to set
 * @param value its value
 */
public record Credential(String header, String value) implements PropagatedContextElement {

    /** {@code Authorization: Bearer <token>} (RFC 6750). */
    public static Credential bearer(String token) {
        return new Credential("Authorization", "Bearer " + token);
    }

    /** Any header, e.g. {@code Credential.header("x-auth-token", refreshToken)} for onboard. */
    public static Credential header(String name, String value) {
        return new Credential(name, value);
    }

    /** Makes this the credential of the calls in the returned scope; close it to stop. */
    public PropagatedContext.Scope open() {
        return PropagatedContext.getOrEmpty().plus(this).propagate();
    }

    @Override
    public String toString() {
        return "Credential[" + header + "]"; // never the value
    }
}
