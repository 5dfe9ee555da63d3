package rotor.server.dialect;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.exceptions.SerdeException;

import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A body that is JSON of the right shape but holds a value the contract does not accept: a
 * string that is none of an enum's values, or a string that is no date-time. That is a
 * violation on its field (admin.yaml: 422, "the body is JSON but a value is not acceptable"),
 * not an unreadable body (400). Serde names the field only in the message it wraps the
 * failure in ("Error decoding property [Dialect dialect] of type [...]"), so it is read from
 * there; a wire that cannot tell the field answers the 400 as before.
 */
final class UnacceptableValue {

    private static final Pattern PROPERTY = Pattern.compile("^Error decoding property \\[(?:(\\S+) )?(\\w+)]");

    private UnacceptableValue() {
    }

    /** The violation a failure to read a body stands for, if it is one of a value the contract does not accept. */
    static Optional<RequestFailure.Violation> in(Throwable failure) {
        return RequestFailure.firstCause(failure, cause -> cause instanceof SerdeException && cause.getCause() != null)
                .flatMap(serde -> {
                    Matcher property = PROPERTY.matcher(String.valueOf(serde.getMessage()));
                    return property.find() ? violation(property.group(2), property.group(1), serde.getCause()) : Optional.empty();
                });
    }

    private static Optional<RequestFailure.Violation> violation(String field, @Nullable String type, Throwable why) {
        if (why instanceof UnstorableText) {
            return Optional.of(new RequestFailure.Violation(field, "must hold no NUL character and no unpaired surrogate", null));
        }
        if (why instanceof DateTimeParseException) {
            return Optional.of(new RequestFailure.Violation(field, "must be an RFC 3339 date-time with an offset", null));
        }
        // URI.create refuses a string that is no URI with an IllegalArgumentException, and the
        // generated enums a value they do not list.
        if (why instanceof IllegalArgumentException && "URI".equals(type)) {
            return Optional.of(new RequestFailure.Violation(field, "must be a URL (RFC 3986)", null));
        }
        if (why instanceof IllegalArgumentException) {
            return Optional.of(new RequestFailure.Violation(field, "must be one of the values the contract lists", null));
        }
        return Optional.empty();
    }
}
