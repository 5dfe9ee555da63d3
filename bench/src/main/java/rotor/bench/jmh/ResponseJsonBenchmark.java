package rotor.bench.jmh;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import rotor.server.dialect.dayzero.DayzeroWire;
import rotor.server.dialect.oauth2.OAuth2Wire;
import rotor.server.dialect.onboard.OnboardWire;
import rotor.server.dialect.partner.PartnerWire;
import rotor.server.dialect.session.SessionWire;
import rotor.server.engine.Dialect;
import rotor.server.engine.IssuedTokens;
import rotor.server.engine.RefreshOutcome;
import rotor.server.keys.AccessTokenMinter;
import rotor.server.keys.RandomTokens;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Each dialect's success answer as the server builds it: its wire turns the engine's outcome into
 * the generated model, and the server's JSON mapper (Micronaut Serde with rotor's settings) writes
 * it. The tokens in it are real ones of the right length (an ES256 access token, rtr_ refresh
 * tokens, a JWT for session).
 */
@State(Scope.Benchmark)
public class ResponseJsonBenchmark extends PartBenchmark {

    private RotorContexts rotor;
    private JsonMapper json;
    private OAuth2Wire oauth2;
    private OnboardWire onboard;
    private PartnerWire partner;
    private SessionWire session;
    private DayzeroWire dayzero;
    private RefreshOutcome opaque;
    private RefreshOutcome sessionOutcome;

    @Setup
    public void start() {
        rotor = RotorContexts.h2();
        json = rotor.bean(JsonMapper.class);
        oauth2 = rotor.bean(OAuth2Wire.class);
        onboard = rotor.bean(OnboardWire.class);
        partner = rotor.bean(PartnerWire.class);
        session = rotor.bean(SessionWire.class);
        dayzero = rotor.bean(DayzeroWire.class);
        Instant now = Instant.now();
        UUID grant = UUID.randomUUID();
        String accessToken = rotor.bean(AccessTokenMinter.class)
                .mint("bench", "bench", "default", "read", grant, now, now.plusSeconds(3600), Map.of());
        String refreshToken = rotor.bean(RandomTokens.class).secret("rtr_");
        opaque = outcome(grant, Dialect.OAUTH2, refreshToken, accessToken, now);
        sessionOutcome = outcome(grant, Dialect.SESSION, accessToken, accessToken, now); // session's refresh token is a JWT
    }

    private static RefreshOutcome outcome(UUID grant, Dialect dialect, String refreshToken, String accessToken, Instant now) {
        return new RefreshOutcome(RefreshOutcome.Status.OK, new IssuedTokens(grant, dialect, "default", "bench", "read", null,
                refreshToken, now.plusSeconds(30 * 86400), accessToken, now, now.plusSeconds(3600)));
    }

    @TearDown
    public void stop() throws IOException {
        rotor.close();
    }

    @Benchmark
    public byte[] oauth2() throws IOException {
        return write(oauth2.answer(opaque));
    }

    @Benchmark
    public byte[] onboard() throws IOException {
        return write(onboard.answer(opaque));
    }

    @Benchmark
    public byte[] partner() throws IOException {
        return write(partner.answer(opaque));
    }

    @Benchmark
    public byte[] dayzero() throws IOException {
        return write(dayzero.answer(opaque));
    }

    @Benchmark
    public byte[] session() throws IOException {
        return write(session.answer(sessionOutcome));
    }

    private byte[] write(MutableHttpResponse<?> answer) throws IOException {
        return json.writeValueAsBytes(answer.getBody().orElseThrow());
    }
}
