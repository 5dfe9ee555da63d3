package rotor.server.engine;

import java.util.Locale;
import java.util.Optional;

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

    /**
     * A UUID in any form pydantic v2 reads one (FastAPI's UUID header: the uuid crate's
     * Uuid::parse_str): 32 hex digits, or 8-4-4-4-12 hyphenated, bare, braced or after a
     * lower-case "urn:uuid:", in either case. Java's UUID.fromString is not used: it also takes
     * "1-1-1-1-1", hyphens out of place and signed groups.
     */
    public static Optional<String> uuid(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = switch (raw.length()) {
            case 32 -> allHex(raw) ? raw : null;
            case 36 -> hyphenatedDigits(raw);
            case 38 -> raw.charAt(0) == '{' && raw.charAt(37) == '}' ? hyphenatedDigits(raw.substring(1, 37)) : null;
            case 45 -> raw.startsWith("urn:uuid:") ? hyphenatedDigits(raw.substring(9)) : null;
            default -> null;
        };
        if (digits == null) {
            return Optional.empty();
        }
        String hex = digits.toLowerCase(Locale.ROOT);
        return Optional.of(hex.substring(0, 8) + '-' + hex.substring(8, 12) + '-' + hex.substring(12, 16) + '-'
                + hex.substring(16, 20) + '-' + hex.substring(20));
    }

    /** Where an 8-4-4-4-12 UUID has its hyphens. */
    private static final int[] HYPHENS = {8, 13, 18, 23};

    /** The 32 hex digits of an 8-4-4-4-12 UUID, or null when it is not one. */
    private static String hyphenatedDigits(String text) {
        for (int hyphen : HYPHENS) {
            if (text.charAt(hyphen) != '-') {
                return null;
            }
        }
        String digits = text.replace("-", "");
        return digits.length() == 32 && allHex(digits) ? digits : null;
    }

    private static boolean allHex(String text) {
        return text.chars().allMatch(TenantForms::isHexDigit);
    }

    /** An ASCII hex digit, of either case: what a UUID is spelt in (Character.digit also takes other scripts' digits). */
    public static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
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
