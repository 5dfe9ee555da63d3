package rotor.server.dialect;

import io.micronaut.context.annotation.Primary;
import jakarta.inject.Singleton;

/**
 * A text field of a request body takes a JSON string and nothing else. Serde's own reading
 * coerces a number or a boolean into its text, so {"tenant":1} was the tenant "1" and
 * {"refreshToken":true} a token "true": the admin contract answers a field of the wrong JSON
 * type with a 400, and no dialect documents a coercion.
 */
@Singleton
@Primary // over serde's coercing String reader
final class StrictStringDeserializer extends JsonStringOnly<String> {

    @Override
    String read(String text) {
        return text;
    }
}
