package rotor.server.engine;

import java.util.Optional;
import java.util.UUID;

/**
 * The shapes a tenant takes across dialects, each in one canonical spelling, so that "3F2B..."
 * and "3f2b..." are the same business and "042" and "42" the same partner.
 */
public final class TenantForms {

    /** The tenant of dialects whose wire carries none (onboard, session, oauth2). */
    public static final String DEFAULT = "default";

    private TenantForms() {
    }

    /** Only the default tenant, named or left out. */
    public static Optional<String> defaultOnly(String raw) {
        return raw == null || raw.isBlank() || DEFAULT.equals(raw) ? Optional.of(DEFAULT) : Optional.empty();
    }

    public static Optional<String> uuid(String raw) {
        if (raw == null || raw.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(raw).toString());
        } catch (IllegalArgumentException notUuid) {
            return Optional.empty();
        }
    }

    public static Optional<String> int32(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.toString(Integer.parseInt(raw.trim())));
        } catch (NumberFormatException notInt) {
            return Optional.empty();
        }
    }

    /** Any non-blank name of at most {@code maxLength} characters, as given. */
    public static Optional<String> name(String raw, int maxLength) {
        return raw == null || raw.isBlank() || raw.length() > maxLength ? Optional.empty() : Optional.of(raw);
    }
}
