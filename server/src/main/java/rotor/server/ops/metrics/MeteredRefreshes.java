package rotor.server.ops.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import rotor.server.connections.ConnectionRefresher;
import rotor.server.engine.Dialect;
import rotor.server.engine.RefreshOutcome;
import rotor.server.engine.RefreshRequest;
import rotor.server.engine.TokenEngine;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every refresh a client asks for, through the engine or (mielto) a stored connection, timed as
 * rotor_refresh_seconds{dialect} and counted as rotor_refreshes_total{dialect,outcome}. The labels
 * are the dialect and the outcome only: never a token, subject or tenant.
 */
@Singleton
public class MeteredRefreshes {

    /** An exception out of a refresh is a bug or an outage: the dialect answers it as its 500. */
    private static final String INTERNAL = "internal";

    private final TokenEngine engine;
    private final ConnectionRefresher connections;
    private final MeterRegistry registry;
    private final Map<Dialect, Timer> timers = new EnumMap<>(Dialect.class);
    // Looked up on every refresh: cached, since building a meter's id each time is not free.
    private final Map<Dialect, Map<String, Counter>> counters = new EnumMap<>(Dialect.class);

    public MeteredRefreshes(TokenEngine engine, ConnectionRefresher connections, MeterRegistry registry) {
        this.engine = engine;
        this.connections = connections;
        this.registry = registry;
        for (Dialect dialect : Dialect.values()) {
            timers.put(dialect, Timer.builder("rotor.refresh")
                    .description("Time to answer a refresh, by dialect")
                    .tag("dialect", dialect.wireName())
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(30))
                    .register(registry));
            counters.put(dialect, new ConcurrentHashMap<>());
        }
    }

    public RefreshOutcome refresh(RefreshRequest request, Instant now) {
        return measured(request.dialect(), () -> engine.refresh(request, now), outcome -> lowerCase(outcome.status()));
    }

    /** mielto: a stored connection refreshed against its upstream. */
    public ConnectionRefresher.Result refreshConnection(String connectionId, String workspaceId, Instant now) {
        return measured(Dialect.MIELTO, () -> connections.refresh(connectionId, workspaceId, now),
                result -> result.status() == ConnectionRefresher.Status.REFRESHED ? "ok" : lowerCase(result.status()));
    }

    private <T> T measured(Dialect dialect, Supplier<T> refresh, Function<T, String> outcome) {
        long started = System.nanoTime();
        String name = INTERNAL;
        try {
            T result = refresh.get();
            name = outcome.apply(result);
            return result;
        } finally {
            timers.get(dialect).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            counter(dialect, name).increment();
        }
    }

    private Counter counter(Dialect dialect, String outcome) {
        return counters.get(dialect).computeIfAbsent(outcome, o -> Counter.builder("rotor.refreshes")
                .description("Refreshes asked for, by dialect and outcome")
                .tag("dialect", dialect.wireName())
                .tag("outcome", o)
                .register(registry));
    }

    private static String lowerCase(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
