package rotor.server.ops.shutdown;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import sun.misc.Signal;

/**
 * SIGTERM is how orchestrators ask a service to stop, so a stop that finished its work exits 0,
 * not the JVM's 143. System.exit runs the same shutdown hooks the signal would have run: Micronaut
 * stops accepting, finishes what it accepted (micronaut.lifecycle.graceful-shutdown), then closes
 * the store.
 */
@Singleton
@Requires(notEnv = Environment.TEST) // a test JVM that is killed must not look as if it finished
public class ExitZeroOnSigterm {

    @EventListener
    void install(StartupEvent event) {
        Signal.handle(new Signal("TERM"), signal -> System.exit(0));
    }
}
