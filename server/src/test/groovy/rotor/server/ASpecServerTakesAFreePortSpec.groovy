package rotor.server

import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer
import spock.lang.Specification

/**
 * A spec's server must not take application.yml's port 8080: that is the port of the README's
 * server, and whoever runs the tests while it (or anything else on this machine) holds 8080 would
 * see specs fail that have nothing wrong with them.
 */
class ASpecServerTakesAFreePortSpec extends Specification {

    def "a server started in the test environment starts while port 8080 is held, on another port"() {
        given: 'port 8080 held: by this spec, or already by something else on the machine'
        def held = holdPort(8080)

        when:
        def server = ApplicationContext.run(EmbeddedServer, ['rotor.admin.token': 'admin-token-for-specs'], 'test')

        then:
        server.running
        server.port != 8080

        cleanup:
        server?.close()
        held?.close()
    }

    private static ServerSocket holdPort(int port) {
        try {
            new ServerSocket(port)
        } catch (BindException ignored) {
            null
        }
    }
}
