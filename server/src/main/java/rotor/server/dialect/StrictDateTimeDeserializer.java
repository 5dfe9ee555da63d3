package rotor.server.dialect;

import io.micronaut.context.annotation.Primary;
import jakarta.inject.Singleton;

import java.time.OffsetDateTime;

/**
 * A date-time field of a request body takes a JSON string in RFC 3339's form and nothing else.
 * Serde's own reading took a number as seconds since the epoch, so {"expires_at":5} stored
 * 1970-01-01T00:00:05Z. A string that is no date-time fails with the parser's own exception,
 * which {@link UnacceptableValue} reads as a value the contract does not accept (422 on admin).
 */
@Singleton
@Primary // over serde's epoch-reading OffsetDateTime reader
final class StrictDateTimeDeserializer extends JsonStringOnly<OffsetDateTime> {

    @Override
    OffsetDateTime read(String text) {
        return OffsetDateTime.parse(text);
    }
}
