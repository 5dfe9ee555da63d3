package rotor.server.engine;

import java.util.Arrays;
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

    /** The name used on the wire and in configuration: dayzero, onboard, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Dialect> fromWireName(String name) {
        return Arrays.stream(values()).filter(d -> d.wireName().equals(name)).findFirst();
    }
}
