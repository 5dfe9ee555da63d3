package rotor.server;

import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the rotor server: every contract in openapi/ on one port. */
public final class Application extends Micronaut {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private Application() {
    }

    public static void main(String[] args) {
        new Application().args(args)
                .mainClass(Application.class)
                .banner(false)
                .start();
    }

    /**
     * A start that fails says why in one line (one JSON object with ROTOR_LOG_FORMAT=json) and
     * exits 1; Micronaut's own report ran to a hundred lines of bean paths and frames around the
     * one sentence that names the setting. The whole failure is still there at DEBUG.
     */
    @Override
    protected void handleStartupException(Environment environment, Throwable exception) {
        if (environment != null && environment.getActiveNames().contains(Environment.TEST)) {
            super.handleStartupException(environment, exception);
            return;
        }
        LOG.error("rotor did not start: {}", StartFailure.describe(exception));
        LOG.debug("the failure in full", exception);
        System.exit(1);
    }
}
