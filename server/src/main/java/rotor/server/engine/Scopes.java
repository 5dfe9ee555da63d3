package rotor.server.engine;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Space-separated OAuth scopes (RFC 6749 section 3.3): a successor's scope is never wider.
 * "scope-token = 1*( %x21 / %x23-5B / %x5D-7E )": a requested scope with any other character in a
 * token (a NUL, a tab, a quote, a backslash, anything beyond ASCII) is malformed, invalid_scope,
 * never trimmed into one that is allowed.
 */
public final class Scopes {

    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    private Scopes() {
    }

    /** Whether the request asks for no more than was granted; asking for nothing keeps the grant's scope. */
    public static boolean allows(String granted, String requested) {
        if (asksForNothing(requested)) {
            return true;
        }
        Set<String> asked = split(requested);
        return granted != null && asked.stream().allMatch(token -> SCOPE_TOKEN.matcher(token).matches()) && split(granted).containsAll(asked);
    }

    /** The scope for the new tokens; call only when {@link #allows} said yes. */
    static String narrowed(String granted, String requested) {
        return asksForNothing(requested) ? granted : String.join(" ", split(requested));
    }

    /** Absent, empty or spaces only: whitespace of other kinds is no separator and asks for a malformed scope. */
    private static boolean asksForNothing(String requested) {
        return requested == null || requested.chars().allMatch(c -> c == ' ');
    }

    private static Set<String> split(String scope) {
        return new LinkedHashSet<>(Arrays.stream(scope.split(" +")).filter(s -> !s.isEmpty()).toList());
    }
}
