package rotor.bench.jmh;

import io.micronaut.core.type.Argument;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import rotor.server.api.partner.model.RefreshTokenRequest;
import rotor.server.dialect.OneJsonValueBodyReader;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * partner's request body read as the server reads it: by the server's JSON mapper alone, and by
 * OneJsonValueBodyReader, which first checks that nothing follows the one JSON value (RFC 8259
 * section 2). The difference is what that check costs a partner or session refresh.
 */
@State(Scope.Benchmark)
public class RequestJsonBenchmark extends PartBenchmark {

    private static final Argument<RefreshTokenRequest> TYPE = Argument.of(RefreshTokenRequest.class);

    private RotorContexts rotor;
    private JsonMapper json;
    private OneJsonValueBodyReader<RefreshTokenRequest> reader;
    private byte[] body;

    @Setup
    @SuppressWarnings("unchecked")
    public void start() {
        rotor = RotorContexts.h2();
        json = rotor.bean(JsonMapper.class);
        reader = rotor.bean(OneJsonValueBodyReader.class);
        body = "{\"refreshToken\":\"rtr_Zvdb5jZOQz59tvslDcbYA4S09GOyzrMuWXkHSje3TvE\"}".getBytes(StandardCharsets.UTF_8);
    }

    @TearDown
    public void stop() throws java.io.IOException {
        rotor.close();
    }

    @Benchmark
    public RefreshTokenRequest mapperAlone() throws java.io.IOException {
        return json.readValue(body, TYPE);
    }

    @Benchmark
    public RefreshTokenRequest oneValueChecked() {
        return reader.read(TYPE, MediaType.APPLICATION_JSON_TYPE, null, new ByteArrayInputStream(body));
    }
}
