package rotor.server.dialect.session;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Encoder;
import io.micronaut.serde.Serializer;
import jakarta.inject.Singleton;
import rotor.server.api.session.model.Token;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The session envelope's data as the seed writes it: access_expires and refresh_expires always
 * with six digits of microseconds and a numeric offset, 2025-04-26T15:58:28.456762+08:00 (UTC as
 * +00:00, what Python's isoformat() writes). The default ISO form drops trailing zeros
 * (.2836, or no fraction at all on a whole second) and writes UTC as Z, and Python before 3.11
 * cannot read either with datetime.fromisoformat.
 */
@Singleton
public class SessionTokenSerializer implements Serializer<Token> {

    static final DateTimeFormatter SEED_STYLE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    @Override
    public void serialize(Encoder encoder, EncoderContext context, Argument<? extends Token> type, Token token) throws IOException {
        try (Encoder object = encoder.encodeObject(type)) {
            object.encodeKey(Token.JSON_PROPERTY_ACCESS_TOKEN);
            object.encodeString(token.getAccessToken());
            object.encodeKey(Token.JSON_PROPERTY_ACCESS_EXPIRES);
            object.encodeString(seedStyle(token.getAccessExpires()));
            object.encodeKey(Token.JSON_PROPERTY_REFRESH_TOKEN);
            object.encodeString(token.getRefreshToken());
            object.encodeKey(Token.JSON_PROPERTY_REFRESH_EXPIRES);
            object.encodeString(seedStyle(token.getRefreshExpires()));
        }
    }

    static String seedStyle(OffsetDateTime time) {
        return SEED_STYLE.format(time);
    }
}
