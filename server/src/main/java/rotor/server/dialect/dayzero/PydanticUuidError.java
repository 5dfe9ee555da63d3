package rotor.server.dialect.dayzero;

/**
 * The text pydantic v2 gives for a string that is not a UUID ("Input should be a valid UUID, ..."),
 * after the uuid crate's parse errors, so that dayzero's 422 reads as FastAPI's would.
 */
final class PydanticUuidError {

    private static final int[] GROUP_LENGTHS = {8, 4, 4, 4, 12};

    private PydanticUuidError() {
    }

    static String message(String input) {
        return "Input should be a valid UUID, " + reason(input);
    }

    /** The uuid crate's reason alone, as pydantic puts it in ctx.error. */
    static String reason(String input) {
        String value = input.regionMatches(true, 0, "urn:uuid:", 0, 9) ? input.substring(9) : input;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(Character.digit(c, 16) >= 0 || c == '-')) {
                return "invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `"
                        + c + "` at " + (i + 1);
            }
        }
        if (value.indexOf('-') < 0) {
            return "invalid length: expected length 32 for simple format, found " + value.length();
        }
        String[] groups = value.split("-", -1);
        if (groups.length != GROUP_LENGTHS.length) {
            return "invalid group count: expected 5, found " + groups.length;
        }
        for (int g = 0; g < groups.length; g++) {
            if (groups[g].length() != GROUP_LENGTHS[g]) {
                return "invalid group length in group " + g + ": expected " + GROUP_LENGTHS[g] + ", found " + groups[g].length();
            }
        }
        return "invalid length: expected length 36, found " + value.length();
    }
}
