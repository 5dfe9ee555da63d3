package rotor.server.dialect;

import io.micronaut.context.annotation.Primary;
import jakarta.inject.Singleton;
import rotor.server.store.StorableText;

import java.net.URI;

/**
 * A URI field of a request body (admin's token_url) takes a JSON string and nothing else.
 * Serde's own reading took a number as the relative URI "443" (then refused as a value, 422) and
 * unwrapped an array of one string into that string (accepted). A string that is no URI fails
 * with URI.create's IllegalArgumentException, which {@link UnacceptableValue} reads as a value
 * the contract does not accept (422 on admin), as before. URI.create takes an unpaired surrogate
 * as a character like any other, which no store can keep ({@link StorableText}): refused as the
 * other text fields refuse it.
 */
@Singleton
@Primary // over serde's coercing URI reader
final class StrictUriDeserializer extends JsonStringOnly<URI> {

    @Override
    URI read(String text) {
        return URI.create(UnstorableText.check(text));
    }
}
