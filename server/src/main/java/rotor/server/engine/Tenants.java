package rotor.server.engine;

import java.util.Optional;
import java.util.UUID;

/**
 * What a tenant is in each dialect, in one canonical spelling, so that "3F2B..." and "3f2b..."
 * are the same business and "042" and "42" the same partner.
 */
public final class Tenants {

    /** The tenant of dialects whose wire carries none (onboard, session, oauth2). */
    public static final String DEFAULT = "default";

    private Tenants() {
    }

    /** The canonical tenant, or empty when the value is not a tenant of that dialect. */
    public static Optional<String> canonical(Dialect dialect, String raw) {
        if (raw == null || raw.isBlank()) {
            return switch (dialect) {
                case ONBOARD, SESSION, OAUTH2 -> Optional.of(DEFAULT);
                default -> Optional.empty();
            };
        }
        return switch (dialect) {
            case DAYZERO -> uuid(raw);
            case PARTNER -> int32(raw);
            case MIELTO -> raw.length() <= 128 ? Optional.of(raw) : Optional.empty();
            case ONBOARD, SESSION, OAUTH2 -> DEFAULT.equals(raw) ? Optional.of(DEFAULT) : Optional.empty();
        };
    }

    private static Optional<String> uuid(String raw) {
        if (raw.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(raw).toString());
        } catch (IllegalArgumentException notUuid) {
            return Optional.empty();
        }
    }

    private static Optional<String> int32(String raw) {
        try {
            return Optional.of(Integer.toString(Integer.parseInt(raw.trim())));
        } catch (NumberFormatException notInt) {
            return Optional.empty();
        }
    }
}
