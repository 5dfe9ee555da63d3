package rotor.server.ops.shutdown;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.order.Ordered;
import io.micronaut.runtime.EmbeddedApplication;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.graceful.GracefulShutdownConfiguration;
import io.micronaut.runtime.graceful.GracefulShutdownManager;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.time.Duration;
import java.util.List;

/**
 * SIGTERM is how orchestrators ask a service to stop (and SIGINT, Ctrl-C, how a person does; SIGHUP
 * comes when the terminal that started it closes, which the JVM alone would also answer by exiting). rotor
 * stops the way Micronaut's own shutdown hook does (stop accepting, give the requests already
 * accepted the grace period of micronaut.lifecycle.graceful-shutdown, close the store), then exits 0
 * when every request finished and 1 when the grace period cut some off, so that an orchestrator sees
 * the difference instead of the JVM's 143 for both. Because the stop is over before the JVM's exit
 * begins, the log's flush at exit (ConsoleLogging) comes after every line the stop logged.
 *
 * <p>Micronaut's graceful-shutdown listener runs first on the shutdown event and waits out the
 * grace period; this one runs right after it, so whatever is still running then is being cut off.
 */
@Singleton
@Requires(notEnv = Environment.TEST) // a test JVM that is killed must not look as if it finished
public class StopOnSignal implements ApplicationEventListener<ShutdownEvent>, Ordered {

    private static final int FINISHED = 0;
    private static final int CUT_OFF = 1;

    private static final Logger LOG = LoggerFactory.getLogger(StopOnSignal.class);

    private final BeanProvider<EmbeddedApplication<?>> application;
    private final GracefulShutdownManager requests;
    private final GracefulShutdownConfiguration settings;
    private volatile boolean cutOff;

    StopOnSignal(BeanProvider<EmbeddedApplication<?>> application, GracefulShutdownManager requests,
                  GracefulShutdownConfiguration settings) {
        this.application = application;
        this.requests = requests;
        this.settings = settings;
    }

    @EventListener
    void install(StartupEvent event) {
        for (String name : List.of("TERM", "INT", "HUP")) {
            try {
                Signal.handle(new Signal(name), signal -> System.exit(stop()));
            } catch (IllegalArgumentException reserved) {
                // Under -Xrs the JVM neither handles SIGHUP, SIGINT and SIGTERM nor lets an application do so:
                // the signal's default action ends the process at once, without shutdown hooks or a graceful stop.
                // (A signal ignored at launch, as nohup leaves SIGHUP, stays ignored: no exception, no handler.)
                LOG.warn("SIG{} cannot be handled ({}): it will end rotor at once, without finishing the requests it has accepted",
                        name, reserved.getMessage());
            }
        }
    }

    /** What the shutdown hook would do, on the signal's thread, so that the exit code can say how it went. */
    private int stop() {
        try {
            application.get().stop();
        } catch (RuntimeException failed) {
            LOG.error("Stopping failed", failed);
            return CUT_OFF;
        }
        return cutOff ? CUT_OFF : FINISHED;
    }

    @Override
    public void onApplicationEvent(ShutdownEvent event) {
        long running = requests.reportActiveTasks().orElse(0);
        if (running > 0) {
            cutOff = true;
            LOG.warn("Stopping with {} request(s) still running when the grace period of {} ended; they are cut off",
                    running, asConfigured(settings.getGracePeriod()));
        }
    }

    /** Right after Micronaut's graceful-shutdown listener (Integer.MIN_VALUE), which waits out the grace period. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    private static String asConfigured(Duration grace) {
        return grace.toMillis() % 1000 == 0 ? grace.toSeconds() + "s" : grace.toMillis() + "ms";
    }
}
