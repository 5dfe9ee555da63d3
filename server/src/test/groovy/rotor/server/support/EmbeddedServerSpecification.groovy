package rotor.server.support

import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.support.TestPropertyProvider
import rotor.client.micronaut.Credential
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.CreateGrantRequest
import rotor.client.micronaut.admin.model.Dialect
import rotor.client.micronaut.admin.model.IssuedGrant
import spock.lang.Specification

/**
 * Specs that drive the embedded server through the generated Micronaut clients (client module):
 * every contract's client points at this server, and the admin token is known.
 */
abstract class EmbeddedServerSpecification extends Specification implements TestPropertyProvider {

    /**
     * A port per spec class: Micronaut Test may still hold the previous spec's server while the
     * next one starts, so specs whose contexts differ must not share one.
     */
    private static final Map<Class<?>, Integer> PORTS = new java.util.concurrent.ConcurrentHashMap<>()
    static final String ADMIN_TOKEN = 'admin-token-for-specs'
    static final List<String> SERVICES = ['dayzero', 'onboard', 'mielto', 'partner', 'session', 'admin', 'oauth2']

    int getPort() {
        PORTS.computeIfAbsent(getClass()) { new ServerSocket(0).withCloseable { it.localPort } }
    }

    @Override
    Map<String, String> getProperties() {
        ['micronaut.server.port': port as String, 'rotor.admin.token': ADMIN_TOKEN] +
                SERVICES.collectEntries { ["micronaut.http.services.${it}.url".toString(), "http://localhost:${port}".toString()] }
    }

    /** A new grant through the admin contract. */
    IssuedGrant issue(GrantsApi admin, Dialect dialect, String tenant = null, String scope = null) {
        withCredential(Credential.bearer(ADMIN_TOKEN)) {
            admin.createGrant(new CreateGrantRequest(dialect, "user-${UUID.randomUUID()}").tenant(tenant).scope(scope)).body()
        }
    }

    static <T> T withCredential(Credential credential, Closure<T> call) {
        def scope = credential.open()
        try {
            call()
        } finally {
            scope.close()
        }
    }

    /** The error a generated client threw: the status and the body in the contract's error type. */
    static <T> T errorBody(HttpClientResponseException e, Class<T> type) {
        e.response.getBody(type).orElseThrow { new AssertionError("no ${type.simpleName} body in ${e.status}") }
    }
}
