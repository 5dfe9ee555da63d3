package rotor.server.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A row of signing_key: the public JWK, and the private JWK sealed under the master key.
 *
 * @param activatesAt when the key starts signing; it is published from its creation on
 * @param retiredAt when it stops signing (a newer key activates)
 * @param verifyUntil when the last token it signed expires: it is published and verifies until then
 */
@MappedEntity("signing_key")
public record SigningKeyRecord(
        @Id String kid,
        String algorithm,
        String publicJwk,
        String encryptedPrivateJwk,
        Instant createdAt,
        Instant activatesAt,
        @Nullable Instant retiredAt,
        @Nullable Instant verifyUntil) {
}
