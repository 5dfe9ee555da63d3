package rotor.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import rotor.server.keys.RandomTokens;
import rotor.server.keys.SecretHasher;


/** A refresh token's two cheap parts, through the server's own classes: 256 random bits, and the SHA-256 stored for it. */
@State(Scope.Benchmark)
public class SecretsBenchmark extends PartBenchmark {

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
