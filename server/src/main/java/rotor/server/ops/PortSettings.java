package rotor.server.ops;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;

import java.util.Map;
import java.util.Optional;

/**
 * The ports rotor listens on are judged at start, before it binds. Netty logged a stack trace
 * for MICRONAUT_SERVER_PORT=99999 before rotor's one line, and Micronaut ignored
 * ENDPOINTS_ALL_PORT=abc without a word, leaving /health and /prometheus on the main port.
 */
@Context
public class PortSettings {

    static final Map<String, String> NAMES = Map.of(
            "micronaut.server.port", "MICRONAUT_SERVER_PORT",
            "endpoints.all.port", "ENDPOINTS_ALL_PORT");

    public PortSettings(Environment environment) {
        NAMES.forEach((name, variable) -> {
            Optional<String> value = environment.getProperty(name, String.class);
            if (value.isPresent() && !isPort(value.get().strip())) {
                throw new IllegalStateException(name + " (" + variable + ") must be a port from 0 to 65535, or -1 for a random one, not '"
                        + value.get() + "'");
            }
        });
    }

    private static boolean isPort(String value) {
        try {
            int port = Integer.parseInt(value);
            return port >= -1 && port <= 65_535;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }
}
