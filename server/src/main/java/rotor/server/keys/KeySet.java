package rotor.server.keys;

import com.nimbusds.jose.jwk.JWK;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The signing keys an instance holds in memory, as last read from the store: what signs now, what
 * verifies, what is published. Answering from memory keeps every verification, including a forged
 * token's unknown kid, free of database work.
 */
record KeySet(List<Key> keys) {

    /** One key; {@code privateJwk} is null for a key that will never sign again. */
    record Key(String kid, JWK publicJwk, @Nullable JWK privateJwk, Instant activatesAt, @Nullable Instant retiredAt,
               @Nullable Instant verifyUntil) {

        boolean signsAt(Instant now) {
            return privateJwk != null && !now.isBefore(activatesAt) && (retiredAt == null || now.isBefore(retiredAt));
        }

        boolean verifiesAt(Instant now) {
            return verifyUntil == null || now.isBefore(verifyUntil);
        }
    }

    static final KeySet EMPTY = new KeySet(List.of());

    KeySet {
        keys = keys.stream().sorted(Comparator.comparing(Key::activatesAt).reversed()).toList();
    }

    /** The newest key that has activated and is not retired. */
    Optional<JWK> signingAt(Instant now) {
        return keys.stream().filter(k -> k.signsAt(now)).findFirst().map(Key::privateJwk);
    }

    Optional<JWK> verifyingAt(String kid, Instant now) {
        return keys.stream().filter(k -> k.kid().equals(kid) && k.verifiesAt(now)).findFirst().map(Key::publicJwk);
    }

    /** Published: keys that activate later (so verifiers know them in time) and keys that still verify. */
    List<JWK> publishedAt(Instant now) {
        return keys.stream().filter(k -> k.verifiesAt(now)).map(Key::publicJwk).toList();
    }

    Optional<Key> byKid(String kid) {
        return keys.stream().filter(k -> k.kid().equals(kid)).findFirst();
    }
}
