package rotor.server.dialect;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.netty.handler.codec.TooLongFrameException;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every error Micronaut answers by itself (no route for the method, a media type the route does not
 * take, a header over the size limit, ...) is worded by the dialect whose path was asked for,
 * never as Micronaut's default error JSON. Other paths get a plain {"message": ...}.
 */
@Singleton
@Primary // over Micronaut's own (HATEOAS) processor
public class DialectErrorResponseProcessor implements ErrorResponseProcessor<Object> {

    private final List<DialectErrors> dialects;

    public DialectErrorResponseProcessor(List<DialectErrors> dialects) {
        this.dialects = dialects;
    }

    @Override
    public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        HttpRequest<?> request = context.getRequest();
        Optional<DialectErrors> dialect = dialects.stream().filter(d -> d.serves(request)).findFirst();
        if (dialect.isEmpty()) {
            return base.<Object>body(Map.of("message", base.reason()));
        }
        MutableHttpResponse<?> answer = dialect.get().failure(request, failureOf(base, context));
        base.getHeaders().forEach((name, values) -> {
            if (!answer.getHeaders().contains(name)) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return DialectWire.typed(answer);
    }

    private static RequestFailure failureOf(MutableHttpResponse<?> base, ErrorContext context) {
        Throwable cause = context.getRootCause().orElse(null);
        int status = base.code();
        if (status == HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode() || status == 431 || RequestFailure.causedBy(cause, TooLongFrameException.class, ContentLengthExceededException.class)) {
            return new RequestFailure.Oversized();
        }
        if (status == HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode() || status == HttpStatus.BAD_REQUEST.getCode()) {
            return new RequestFailure.UnreadableBody();
        }
        if (status >= 500) {
            // A 500 Micronaut answered itself may still be the request's fault: a body it could not read.
            if (RequestFailure.unreadableBody(cause)) {
                return new RequestFailure.UnreadableBody();
            }
            return new RequestFailure.Unexpected(cause != null ? cause : new IllegalStateException(base.reason()));
        }
        return new RequestFailure.Refused(status, base.reason(), base.getHeaders().get("Allow"));
    }
}
