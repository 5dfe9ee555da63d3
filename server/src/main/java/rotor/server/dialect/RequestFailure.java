package rotor.server.dialect;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.exceptions.NotAllowedException;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import io.netty.handler.codec.compression.DecompressionException;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import java.io.EOFException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Why a request failed before (or while) its arguments were bound, in terms every dialect can
 * answer in its own shape. Anything else is {@link Unexpected}: a bug or an outage.
 */
public sealed interface RequestFailure {

    /** A required header, path variable or query value is absent. */
    record Missing(String location, String name) implements RequestFailure {
    }

    /** A header or path variable whose value does not convert to its declared type. */
    record Invalid(String location, String name, @Nullable Object value) implements RequestFailure {
    }

    /** The body is absent, not JSON, of the wrong JSON type, of the wrong media type, or too large. */
    record UnreadableBody() implements RequestFailure {
    }

    /** A header or the body is over the server's size limits. */
    record Oversized() implements RequestFailure {
    }

    /**
     * Refused for a reason outside any contract: no such path, a method the path does not take.
     *
     * @param allow the methods the path takes, for the Allow header of a 405; null otherwise
     */
    record Refused(int status, String reason, @Nullable String allow) implements RequestFailure {

        /** The status and, for a 405, the Allow header, around a dialect's body. */
        public <T> MutableHttpResponse<T> answer(T body) {
            return allowing(HttpResponse.<T>status(HttpStatus.valueOf(status)).body(body));
        }

        /** The Allow header of a 405 on a response a dialect built itself. */
        public <T> MutableHttpResponse<T> allowing(MutableHttpResponse<T> response) {
            return allow == null ? response : response.header(HttpHeaders.ALLOW, allow);
        }
    }

    /** The request was read, but values break the contract's constraints. */
    record Violations(List<Violation> violations) implements RequestFailure {
    }

    /** One broken constraint: the field (the last step of its path) and what is wrong with it. */
    record Violation(String field, String message, @Nullable Object value) {
    }

    record Unexpected(Throwable failure) implements RequestFailure {
    }

    static RequestFailure classify(Throwable failure) {
        if (failure instanceof ConstraintViolationException violations) {
            return new Violations(violations.getConstraintViolations().stream().map(RequestFailure::violation).toList());
        }
        if (failure instanceof NotAllowedException notAllowed) {
            return new Refused(405, notAllowed.getStatus().getReason(), String.join(", ", notAllowed.getAllowedMethods()));
        }
        if (failure instanceof HttpStatusException refused && refused.getStatus().getCode() < 500) {
            return new Refused(refused.getStatus().getCode(), refused.getStatus().getReason(), null);
        }
        if (failure instanceof ContentLengthExceededException) {
            return new Oversized();
        }
        Optional<Violation> unacceptable = UnacceptableValue.in(failure);
        if (unacceptable.isPresent()) {
            return new Violations(List.of(unacceptable.get()));
        }
        if (failure instanceof CodecException || failure instanceof JsonSyntaxException || failure instanceof SerdeException
                || unreadableBody(failure)) {
            return new UnreadableBody();
        }
        Argument<?> argument = argumentOf(failure);
        if (argument == null) {
            return new Unexpected(failure);
        }
        if (argument.getAnnotationMetadata().hasAnnotation(Body.class)) {
            return new UnreadableBody();
        }
        String location = locationOf(argument);
        String name = nameOf(argument);
        if (failure instanceof ConversionErrorException conversion) {
            return new Invalid(location, name, conversion.getConversionError().getOriginalValue().orElse(null));
        }
        return new Missing(location, name);
    }

    /**
     * A body the server could not read through the client's fault, however Micronaut wraps the
     * failure: a form Netty cannot decode (a broken percent-escape, a lone "%"; its message quotes
     * the raw form, refresh tokens and client secrets included), a body that is not the encoding
     * its Content-Encoding names, or a body the client stopped sending by closing the connection.
     * Each must be a 400 and never reach the log as an internal error.
     */
    static boolean unreadableBody(@Nullable Throwable failure) {
        return causedBy(failure, HttpPostRequestDecoder.ErrorDataDecoderException.class, DecompressionException.class)
                || abandonedBody(failure);
    }

    /**
     * Micronaut's word for a connection that closed before the body it announced was complete. Only
     * its own EOFException counts: one from elsewhere (an upstream call, the store) stays what it is.
     */
    private static boolean abandonedBody(@Nullable Throwable failure) {
        return causedBy(failure, cause -> cause instanceof EOFException && cause.getStackTrace().length > 0
                && cause.getStackTrace()[0].getClassName().startsWith("io.micronaut.http.server.netty."));
    }

    /** Whether the failure, or one of its causes, is of one of the types. */
    static boolean causedBy(@Nullable Throwable failure, Class<?>... types) {
        return causedBy(failure, cause -> Arrays.stream(types).anyMatch(type -> type.isInstance(cause)));
    }

    private static boolean causedBy(@Nullable Throwable failure, Predicate<Throwable> such) {
        return firstCause(failure, such).isPresent();
    }

    /** The failure, or the first of its causes (at most 16 deep, whatever cycle a library made), that is such. */
    static Optional<Throwable> firstCause(@Nullable Throwable failure, Predicate<Throwable> such) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
            if (such.test(cause)) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
    }

    private static Argument<?> argumentOf(Throwable failure) {
        if (failure instanceof UnsatisfiedRouteException unsatisfied) {
            return unsatisfied.getArgument();
        }
        if (failure instanceof UnsatisfiedArgumentException unsatisfied) {
            return unsatisfied.getArgument();
        }
        if (failure instanceof ConversionErrorException conversion) {
            return conversion.getArgument();
        }
        return null;
    }

    private static String locationOf(Argument<?> argument) {
        if (argument.getAnnotationMetadata().hasAnnotation(Header.class)) {
            return "header";
        }
        return argument.getAnnotationMetadata().hasAnnotation(PathVariable.class) ? "path" : "query";
    }

    private static String nameOf(Argument<?> argument) {
        return argument.getAnnotationMetadata().stringValue(Header.class)
                .or(() -> argument.getAnnotationMetadata().stringValue(PathVariable.class))
                .or(() -> argument.getAnnotationMetadata().stringValue(QueryValue.class))
                .orElse(argument.getName());
    }

    private static Violation violation(ConstraintViolation<?> violation) {
        String field = null;
        for (Path.Node node : violation.getPropertyPath()) {
            field = node.getName();
        }
        return new Violation(field == null ? "" : field, violation.getMessage(), violation.getInvalidValue());
    }
}
