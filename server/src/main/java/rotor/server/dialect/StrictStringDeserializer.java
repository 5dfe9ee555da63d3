package rotor.server.dialect;

import io.micronaut.context.annotation.Primary;
import jakarta.inject.Singleton;
import rotor.server.store.StorableText;

/**
 * A text field of a request body takes a JSON string and nothing else. Serde's own reading
 * coerces a number or a boolean into its text, so {"tenant":1} was the tenant "1" and
 * {"refreshToken":true} a token "true": the admin contract answers a field of the wrong JSON
 * type with a 400, and no dialect documents a coercion.
 *
 * <p>A string no store can keep ({@link StorableText}: a NUL, an unpaired surrogate, which JSON's
 * escapes of four hex digits can carry) is a value the contract does not accept, on its field: it was a 500 on
 * PostgreSQL, and on H2 a text that PostgreSQL would have refused.
 */
@Singleton
@Primary // over serde's coercing String reader
final class StrictStringDeserializer extends JsonStringOnly<String> {

    @Override
    String read(String text) {
        return UnstorableText.check(text);
    }
}
