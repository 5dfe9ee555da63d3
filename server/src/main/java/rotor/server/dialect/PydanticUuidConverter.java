package rotor.server.dialect;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.convert.TypeConverter;
import jakarta.inject.Singleton;
import rotor.server.engine.TenantForms;

import java.util.Optional;
import java.util.UUID;

/**
 * Every text-to-UUID conversion in the server (dayzero's x-business-id and the admin API's ids
 * among them), as pydantic v2 reads FastAPI's UUID parameters: the simple, hyphenated, braced and
 * URN forms (TenantForms.uuid), and nothing else. It replaces Micronaut's, which is Java's
 * UUID.fromString: that refuses the simple form FastAPI takes and takes "1-1-1-1-1", which FastAPI
 * refuses.
 */
@Singleton
final class PydanticUuidConverter implements TypeConverter<CharSequence, UUID> {

    @Override
    public Optional<UUID> convert(CharSequence text, Class<UUID> targetType, ConversionContext context) {
        Optional<UUID> uuid = TenantForms.uuid(text.toString()).map(UUID::fromString);
        if (uuid.isEmpty()) {
            context.reject(text, new IllegalArgumentException("not a UUID"));
        }
        return uuid;
    }
}
