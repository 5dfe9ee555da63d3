package rotor.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import rotor.server.keys.RandomTokens;
import rotor.server.keys.SecretHasher;

import java.util.concurrent.TimeUnit;

/** A refresh token's two cheap parts, through the server's own classes: 256 random bits, and the SHA-256 stored for it. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SecretsBenchmark {

    private final SecretHasher hasher = new SecretHasher();
    private final RandomTokens random = new RandomTokens();
    private final String token = random.secret("rtr_");

    @Benchmark
    public String sha256OfToken() {
        return hasher.hash(token);
    }

    @Benchmark
    public String newRefreshToken() {
        return random.secret("rtr_");
    }
}
