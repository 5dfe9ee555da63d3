package rotor.bench.jmh;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What every benchmark of a refresh's parts shares (JMH reads these from the superclass): time per
 * operation in microseconds, so that the parts add up against the per-request cost the load
 * benchmark shows; one fork, 3 warm-up and 5 measured iterations of 2 s. Command-line options
 * (-f, -wi, -i, -r) override them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class PartBenchmark {
}
