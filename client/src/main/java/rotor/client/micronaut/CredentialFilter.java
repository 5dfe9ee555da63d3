package rotor.client.micronaut;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;

/** Sets the {@link Credential} of the current scope on every request of the generated clients. */
@ClientFilter(serviceId = {"dayzero", "onboard", "mielto", "partner", "session", "admin", "oauth2"})
public class CredentialFilter {

    @RequestFilter
    public void attach(MutableHttpRequest<?> request) {
        PropagatedContext.getOrEmpty().find(Credential.class).ifPresent(credential -> credential.headers().forEach((name, value) -> {
            if (value == null) {
                request.getHeaders().remove(name);
            } else {
                request.getHeaders().set(name, value);
            }
        }));
    }
}
