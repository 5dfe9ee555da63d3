package rotor.server;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The clock everything reads time from; tests pass their own instants to the engine instead. */
@Factory
public class SystemClockFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
