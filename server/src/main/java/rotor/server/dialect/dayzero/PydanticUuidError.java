package rotor.server.dialect.dayzero;

import rotor.server.engine.TenantForms;

/**
 * The text pydantic v2 gives for a string that is not a UUID ("Input should be a valid UUID, ..."),
 * after the uuid crate's parse errors, so that dayzero's 422 reads as FastAPI's would.
 */
final class PydanticUuidError {

    private static final int[] GROUP_LENGTHS = {8, 4, 4, 4, 12};
    private static final int[] GROUP_STARTS = {0, 9, 14, 19, 24};

    private PydanticUuidError() {
    }

    static String message(String input) {
        return "Input should be a valid UUID, " + reason(input);
    }

    /**
     * The uuid crate's reason alone, as pydantic puts it in ctx.error: the crate's InvalidUuid::into_err,
     * step for step (its lengths and positions count the whole input, prefix and braces included).
     */
    static String reason(String input) {
        int offset;
        String value;
        boolean simple = false;
        if (input.length() >= 2 && input.charAt(0) == '{' && input.charAt(input.length() - 1) == '}') {
            offset = 1;
            value = input.substring(1, input.length() - 1);
        } else if (input.startsWith("urn:uuid:")) {
            offset = 9;
            value = input.substring(9);
        } else {
            offset = 0;
            value = input;
            simple = true;
        }
        int hyphens = 0;
        int[] groupEnds = new int[4];
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '-') {
                if (hyphens < groupEnds.length) {
                    groupEnds[hyphens] = i;
                }
                hyphens++;
            } else if (!TenantForms.isHexDigit(c)) {
                return "invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `"
                        + c + "` at " + (i + offset + 1);
            }
        }
        if (hyphens == 0 && simple) {
            return "invalid length: expected length 32 for simple format, found " + input.length();
        }
        if (hyphens != 4) {
            return "invalid group count: expected 5, found " + (hyphens + 1);
        }
        for (int g = 0; g < groupEnds.length; g++) {
            if (groupEnds[g] != GROUP_STARTS[g + 1] - 1) {
                return group(g, groupEnds[g] - GROUP_STARTS[g]);
            }
        }
        return group(4, input.length() - GROUP_STARTS[4]);
    }

    private static String group(int group, int length) {
        return "invalid group length in group " + group + ": expected " + GROUP_LENGTHS[group] + ", found " + length;
    }
}
