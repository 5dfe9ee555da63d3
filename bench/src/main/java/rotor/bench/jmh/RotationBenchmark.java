package rotor.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import rotor.server.engine.Dialect;
import rotor.server.engine.GrantRequest;
import rotor.server.engine.RefreshOutcome;
import rotor.server.engine.RefreshRequest;
import rotor.server.engine.TokenEngine;

import java.io.IOException;
import java.time.Instant;

/**
 * One rotation through the server's {@link TokenEngine}, one caller, no HTTP: hash, find, decide,
 * spend, successor, audit row, access token, commit. The chain rotates on and on, each refresh
 * presenting the token the last one issued (onboard: no client, no tenant). H2 in file mode as the
 * server runs it (every commit written), or an embedded PostgreSQL 17 on the same machine.
 */
@State(Scope.Benchmark)
public class RotationBenchmark extends PartBenchmark {

    @Param({"h2", "postgres"})
    public String store;

    private RotorContexts rotor;
    private TokenEngine engine;
    private String token;

    @Setup
    public void start() {
        rotor = RotorContexts.of(store);
        engine = rotor.bean(TokenEngine.class);
        token = engine.issue(new GrantRequest(Dialect.ONBOARD, "bench", null, null, null), Instant.now()).refreshToken();
    }

    @TearDown
    public void stop() throws IOException {
        rotor.close();
    }

    @Benchmark
    public RefreshOutcome rotate() {
        RefreshOutcome outcome = engine.refresh(RefreshRequest.of(Dialect.ONBOARD, null, token), Instant.now());
        if (outcome.status() != RefreshOutcome.Status.OK) {
            throw new IllegalStateException("rotation refused: " + outcome.status());
        }
        token = outcome.tokens().refreshToken();
        return outcome;
    }
}
