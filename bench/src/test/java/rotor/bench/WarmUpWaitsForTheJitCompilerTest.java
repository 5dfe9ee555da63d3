package rotor.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A warm-up lasts its minimum, then goes on in five-second steps while the server's JIT compiler
 * still takes more than the limit of its CPU, and ends at its maximum at the latest. The server is
 * simulated on a clock of the test's own: its request threads use 100 ticks a second, its compiler
 * 50 a second (a third of the CPU) until it has compiled what it needs, then 1 a second.
 */
class WarmUpWaitsForTheJitCompilerTest {

    private static final long SECOND = 1_000_000_000L;

    /** A server whose compiler falls quiet {@code compilingFor} seconds after the start, on a clock starting at 0. */
    private static final class SimulatedServer {
        final double compilingFor;
        long now;

        SimulatedServer(double compilingFor) {
            this.compilingFor = compilingFor;
        }

        WarmUp warmUp(int leastSeconds, int mostSeconds) {
            return new WarmUp(Duration.ofSeconds(leastSeconds), Duration.ofSeconds(mostSeconds), 0.05, () -> now,
                    until -> now = Math.max(now, until));
        }

        Map<Long, Map.Entry<String, Long>> threads() {
            double t = now / (double) SECOND;
            long jit = Math.round(50 * Math.min(t, compilingFor) + Math.max(0, t - compilingFor));
            return Map.of(1L, Map.entry("ForkJoinPool-1-", Math.round(100 * t)), 2L, Map.entry("C2 CompilerThre", jit));
        }

        WarmUp.Outcome await(WarmUp warmUp) {
            return warmUp.await(0, this::threads);
        }
    }

    @Test
    void endsAtItsMinimumWhenTheCompilerIsAlreadyQuiet() {
        SimulatedServer server = new SimulatedServer(4);

        WarmUp.Outcome outcome = server.await(server.warmUp(15, 180));

        assertEquals(Duration.ofSeconds(15), outcome.took());
        assertTrue(outcome.settled());
        assertEquals(1 / 101.0, outcome.jitShare(), 1e-9);
    }

    @Test
    void goesOnWhileTheCompilerTakesMoreThanTheLimit() {
        SimulatedServer server = new SimulatedServer(32);

        WarmUp.Outcome outcome = server.await(server.warmUp(15, 180));

        // 10-15 s up to 30-35 s still see the compiler at work (30-35 s holds 2 busy seconds of 5); 35-40 s do not
        assertEquals(Duration.ofSeconds(40), outcome.took());
        assertTrue(outcome.settled());
    }

    @Test
    void endsAtItsMaximumWithTheCompilerStillBusy() {
        SimulatedServer server = new SimulatedServer(1_000);

        WarmUp.Outcome outcome = server.await(server.warmUp(15, 42));

        assertEquals(Duration.ofSeconds(42), outcome.took());
        assertFalse(outcome.settled());
        assertEquals(50 / 150.0, outcome.jitShare(), 1e-9);
    }

    @Test
    void isFixedWhenItsMaximumIsBelowItsMinimum() {
        SimulatedServer server = new SimulatedServer(1_000);

        WarmUp.Outcome outcome = server.await(server.warmUp(15, 1));

        assertEquals(Duration.ofSeconds(15), outcome.took());
        assertFalse(outcome.settled());
    }

    @Test
    void judgesAWarmUpShorterThanAStepOverAllOfIt() {
        SimulatedServer server = new SimulatedServer(1);

        WarmUp.Outcome outcome = server.await(server.warmUp(2, 2));

        assertEquals(Duration.ofSeconds(2), outcome.took());
        assertEquals(51 / 251.0, outcome.jitShare(), 1e-9); // 50 + 1 ticks of the compiler, 200 of requests
    }
}
