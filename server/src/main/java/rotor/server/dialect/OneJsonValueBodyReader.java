package rotor.server.dialect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.io.buffer.ReferenceCounted;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.body.JsonMessageHandler;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a JSON request body only when it is one JSON value with nothing after it but whitespace
 * (RFC 8259 section 2: JSON-text = ws value ws). Micronaut's own reader, which this one precedes,
 * reads the first value and ignores the rest, so that `{"refreshToken":"a"} garbage` was read as
 * `{"refreshToken":"a"}`; CONTRACTS.md answers a body that is not JSON as a malformed request.
 * Nor is an object that names a member twice: RFC 8259 section 4 leaves what it means to each
 * parser, and Micronaut's took the first {"refreshToken"} where Python, Go and JavaScript take the
 * last, so that a proxy checking the body and rotor would read different tokens.
 * The failure is a {@link CodecException}, which every wire answers as a body it cannot read.
 */
@Singleton
@Consumes(MediaType.APPLICATION_JSON)
@Order(JsonMessageHandler.ORDER - 1)
public final class OneJsonValueBodyReader<T> implements MessageBodyReader<T> {

    private static final JsonFactory JSON = new JsonFactory();
    private static final JsonFactory UNIQUE_NAMES = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final JsonMapper mapper;

    OneJsonValueBodyReader(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean isReadable(Argument<T> type, MediaType mediaType) {
        return mediaType != null && mediaType.matchesAllOrWildcardOrExtension(MediaType.EXTENSION_JSON);
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers headers, ByteBuffer<?> body) {
        T value = read(type, body.toByteArray());
        // As Micronaut's own reader: released once read, kept on a failure for the error handler to look at.
        if (body instanceof ReferenceCounted counted) {
            counted.release();
        }
        return value;
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers headers, InputStream body) {
        try {
            return read(type, body.readAllBytes());
        } catch (IOException unreadable) {
            throw new CodecException("The request body could not be read", unreadable);
        }
    }

    private T read(Argument<T> type, byte[] body) {
        switch (shapeOf(body)) {
            case SOMETHING_AFTER -> throw new CodecException("The request body is not one JSON value");
            case A_NAME_TWICE -> throw new CodecException("The request body names a member twice in one object");
            default -> {
                // one value, or not JSON at all: the mapper reads or refuses it
            }
        }
        try {
            return mapper.readValue(body, type);
        } catch (IOException unreadable) {
            throw new CodecException("The request body is not JSON of type " + type.getTypeName(), unreadable);
        }
    }

    enum Shape { ONE_VALUE, SOMETHING_AFTER, A_NAME_TWICE, NOT_JSON }

    /**
     * The body's shape, in one pass of a parser that refuses a name twice in an object. A body that
     * is not JSON from its start is left to the mapper, which refuses it as it always has; only when
     * the first value fails does a second pass, without the check, tell a name twice from no JSON.
     */
    static Shape shapeOf(byte[] body) {
        try (JsonParser parser = UNIQUE_NAMES.createParser(body)) {
            try {
                if (parser.nextToken() == null) {
                    return Shape.NOT_JSON;
                }
                parser.skipChildren();
            } catch (IOException refused) {
                return parsesWithoutTheCheck(body) ? Shape.A_NAME_TWICE : Shape.NOT_JSON;
            }
            try {
                return parser.nextToken() != null ? Shape.SOMETHING_AFTER : Shape.ONE_VALUE;
            } catch (IOException garbage) {
                return Shape.SOMETHING_AFTER;
            }
        } catch (IOException unparsable) {
            return Shape.NOT_JSON;
        }
    }

    private static boolean parsesWithoutTheCheck(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != null) {
                parser.skipChildren();
            }
            return true;
        } catch (IOException notJson) {
            return false;
        }
    }
}
