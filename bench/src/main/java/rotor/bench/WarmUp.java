package rotor.bench;

import java.time.Duration;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * When a level's warm-up is over: not before its minimum, then as soon as the JIT compiler's
 * threads used at most the limit's share of the server JVM's CPU over the last {@link #STEP}, and
 * at the latest at its maximum.
 *
 * <p>Why not a fixed time: on a slow 2-core machine rotor's JIT compiler was still taking a quarter
 * of the server's CPU 35 s after the start, with C2's queue 25 to 40 methods long, and the window
 * measured the warm-up: 769 refreshes/s after 15 s against 2,541/s after 90 s on the same VM, the
 * same jar (bench/RESULTS.md, session 30). A fixed warm-up long enough for every machine would
 * waste minutes on fast ones.
 */
final class WarmUp {

    /** How far back the JIT compiler's share is judged. */
    static final Duration STEP = Duration.ofSeconds(5);

    /**
     * @param took     how long the warm-up ran
     * @param jitShare the JIT compiler's share of the server's CPU over its last {@link #STEP}
     *                 (NaN when the server used no CPU then)
     * @param settled  whether that share was within the limit, rather than the maximum reached
     */
    record Outcome(Duration took, double jitShare, boolean settled) {
    }

    private final Duration least;
    private final Duration most;
    private final double jitLimit;
    private final LongSupplier nanoTime;
    private final LongConsumer sleepUntil;

    /**
     * @param least    the shortest warm-up
     * @param most     the longest (a value below {@code least} means {@code least}: a fixed warm-up)
     * @param jitLimit the JIT compiler's share of the server's CPU at which the server counts as warm
     */
    WarmUp(Duration least, Duration most, double jitLimit) {
        this(least, most, jitLimit, System::nanoTime, ServerProcess::sleepUntil);
    }

    WarmUp(Duration least, Duration most, double jitLimit, LongSupplier nanoTime, LongConsumer sleepUntil) {
        this.least = least;
        this.most = most.compareTo(least) < 0 ? least : most;
        this.jitLimit = jitLimit;
        this.nanoTime = nanoTime;
        this.sleepUntil = sleepUntil;
    }

    /**
     * Waits out the warm-up that began at {@code start} (a {@link System#nanoTime()}).
     *
     * @param serverThreads the server's threads' ticks now ({@link ServerThreads#read})
     */
    Outcome await(long start, Supplier<Map<Long, Map.Entry<String, Long>>> serverThreads) {
        long end = start + least.toNanos();
        long latest = start + most.toNanos();
        sleepUntil.accept(Math.max(start, end - STEP.toNanos()));
        Map<Long, Map.Entry<String, Long>> before = serverThreads.get();
        while (true) {
            sleepUntil.accept(end);
            Map<Long, Map.Entry<String, Long>> after = serverThreads.get();
            double jit = ServerThreads.shares(before, after).get(ServerThreads.JIT);
            boolean settled = !(jit > jitLimit); // a server that used no CPU at all has nothing left to compile
            if (settled || end >= latest) {
                return new Outcome(Duration.ofNanos(nanoTime.getAsLong() - start), jit, settled);
            }
            before = after;
            end = Math.min(latest, end + STEP.toNanos());
        }
    }
}
