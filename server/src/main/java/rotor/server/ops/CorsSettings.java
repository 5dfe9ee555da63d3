package rotor.server.ops;

import io.micronaut.context.annotation.Context;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.cors.CorsOriginConfiguration;

import java.util.Map;

/**
 * CORS is off unless configured, and once on it names its origins. Micronaut's CORS lets every
 * origin in, with the browser's credentials, through a configuration that names none: enabling it
 * alone does that, and so does MICRONAUT_SERVER_CORS_CONFIGURATIONS_WEB_ALLOWED_ORIGINS, which it
 * does not read as a list. Neither is what an operator of an auth server asked for, so the start
 * stops, saying how to name them.
 */
@Context
public class CorsSettings {

    private static final String HOW = ": list the origins (or an allowed-origins-regex) in a configuration file"
            + " (MICRONAUT_CONFIG_FILES), since an environment variable is not read as that list";

    public CorsSettings(HttpServerConfiguration server) {
        HttpServerConfiguration.CorsConfiguration cors = server.getCors();
        if (!cors.isEnabled()) {
            return;
        }
        // Enabled with no configuration of its own, Micronaut adds one named 'default' that names no origin.
        for (Map.Entry<String, CorsOriginConfiguration> configuration : cors.getConfigurations().entrySet()) {
            if (letsEveryOriginIn(configuration.getValue())) {
                throw new IllegalStateException("micronaut.server.cors.enabled (MICRONAUT_SERVER_CORS_ENABLED) is true, but CORS configuration '" + configuration.getKey() + "' names no allowed-origins"
                        + " (micronaut.server.cors.configurations." + configuration.getKey() + ".allowed-origins), so every origin would be let in" + HOW);
            }
        }
    }

    private static boolean letsEveryOriginIn(CorsOriginConfiguration configuration) {
        return configuration.getAllowedOriginsRegex().isEmpty()
                && (configuration.getAllowedOrigins().isEmpty() || configuration.getAllowedOrigins().contains("*"));
    }
}
