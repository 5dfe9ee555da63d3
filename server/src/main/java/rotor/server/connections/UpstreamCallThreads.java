package rotor.server.connections;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.LoomSupport;
import jakarta.inject.Named;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that mielto's refreshes run on: apart from every other request's, because each may
 * wait on an upstream for up to the call timeout (15 s), or on another instance's lease. On JDK 17
 * the other requests share a fixed pool (ROTOR_REQUEST_THREADS); mielto refreshes stalled on a slow
 * upstream would otherwise hold all of it, and every partner, dayzero or oauth2 refresh would queue
 * behind them. Here they hold at most their own pool and queue within it, for no longer than
 * {@link UpstreamCallBacklog} allows. On JDK 21 and newer each runs on a virtual thread of its own,
 * as the other requests do.
 */
@Factory
public class UpstreamCallThreads {

    /** The executor's name, for {@code @ExecuteOn}. */
    public static final String NAME = "upstream-calls";

    @Context // built at start, so that a thread count it cannot use stops the start, not every mielto refresh
    @Named(NAME)
    @Bean(preDestroy = "shutdown")
    ExecutorService upstreamCalls(@Value("${rotor.connections.request-threads:32}") String threads, UpstreamCallBacklog backlog) {
        int count = count(threads);
        if (LoomSupport.isSupported()) {
            return LoomSupport.newThreadPerTaskExecutor(LoomSupport.newVirtualThreadFactory("rotor-upstream"));
        }
        return backlog.fixedPool(count, numbered("rotor-upstream-"));
    }

    private static int count(String threads) {
        try {
            int count = Integer.parseInt(threads.trim());
            if (count >= 1) {
                return count;
            }
        } catch (NumberFormatException notANumber) {
            // the same message as below
        }
        throw new IllegalStateException("rotor.connections.request-threads (ROTOR_UPSTREAM_REQUEST_THREADS) must be a whole number "
                + "of at least 1, not '" + threads + "'");
    }

    private static ThreadFactory numbered(String prefix) {
        AtomicInteger next = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, prefix + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
