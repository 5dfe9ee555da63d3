package rotor.server.dialect;

import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;

import java.io.IOException;

/**
 * A reader of a request-body field that takes a JSON string and nothing else: a number, a
 * boolean, an array or an object fails as serde's own failures do, which every wire answers as
 * a body it cannot read (admin.yaml: 400, "a field of the wrong JSON type"). JSON null stays null.
 */
abstract class JsonStringOnly<T> implements Deserializer<T> {

    /** The value the string stands for; a string the field does not accept throws. */
    abstract T read(String text);

    @Override
    public final T deserialize(Decoder decoder, DecoderContext context, Argument<? super T> type) throws IOException {
        JsonNode value = decoder.decodeNode();
        if (!value.isString()) {
            throw decoder.createDeserializationException("Expected a JSON string", null);
        }
        return read(value.getStringValue());
    }

    @Override
    public final T deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super T> type) throws IOException {
        return decoder.decodeNull() ? null : deserialize(decoder, context, type);
    }
}
