package rotor.server.engine;

import java.util.Locale;
import java.util.Optional;

/** The contracts a grant's tokens can be issued for. */
public enum Dialect {
    DAYZERO,
    ONBOARD,
    MIELTO,
    PARTNER,
    SESSION,
    OAUTH2;

    private static final Dialect[] ALL = values();

    // Kept rather than lower-cased on each call: every refresh asks, for its metrics and its policy.
    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The name used on the wire and in configuration: dayzero, onboard, ... */
    public String wireName() {
        return wireName;
    }

    public static Optional<Dialect> fromWireName(String name) {
        for (Dialect dialect : ALL) {
            if (dialect.wireName.equals(name)) {
                return Optional.of(dialect);
            }
        }
        return Optional.empty();
    }
}
