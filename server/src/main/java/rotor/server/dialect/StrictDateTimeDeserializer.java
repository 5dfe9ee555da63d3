package rotor.server.dialect;

import io.micronaut.context.annotation.Primary;
import jakarta.inject.Singleton;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A date-time field of a request body takes a JSON string in RFC 3339's form and nothing else.
 * Serde's own reading took a number as seconds since the epoch, so {"expires_at":5} stored
 * 1970-01-01T00:00:05Z. A string that is no date-time fails with the parser's own exception,
 * which {@link UnacceptableValue} reads as a value the contract does not accept (422 on admin).
 *
 * <p>The form is RFC 3339 section 5.6's: date-fullyear is 4DIGIT, time-second is required, and
 * time-numoffset is hours and minutes ("T" and "Z" may be lower case, section 5.6's note). Java's
 * ISO parser also takes ISO 8601's extended years (+999999999-12-31), which the store could not
 * keep (it read back the year -169108099), and times without seconds or offsets with them.
 */
@Singleton
@Primary // over serde's epoch-reading OffsetDateTime reader
final class StrictDateTimeDeserializer extends JsonStringOnly<OffsetDateTime> {

    private static final Pattern RFC_3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:[Zz]|[+-]\\d{2}:\\d{2})");

    @Override
    OffsetDateTime read(String text) {
        if (!RFC_3339.matcher(text).matches()) {
            throw new DateTimeParseException("not an RFC 3339 date-time", text, 0);
        }
        return OffsetDateTime.parse(text);
    }
}
