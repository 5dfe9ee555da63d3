package rotor.server.engine;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** Space-separated OAuth scopes (RFC 6749 section 3.3): a successor's scope is never wider. */
public final class Scopes {

    private Scopes() {
    }

    /** Whether the request asks for no more than was granted; asking for nothing keeps the grant's scope. */
    public static boolean allows(String granted, String requested) {
        if (requested == null || requested.isBlank()) {
            return true;
        }
        return granted != null && split(granted).containsAll(split(requested));
    }

    /** The scope for the new tokens; call only when {@link #allows} said yes. */
    static String narrowed(String granted, String requested) {
        return requested == null || requested.isBlank() ? granted : String.join(" ", split(requested));
    }

    private static Set<String> split(String scope) {
        return new LinkedHashSet<>(Arrays.stream(scope.trim().split(" +")).filter(s -> !s.isEmpty()).toList());
    }
}
