package rotor.server.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request's path as the request log writes it: as it came on the wire, except that whatever in
 * it has the form of a secret rotor issues (a refresh token, an API key, a client secret, a
 * generated admin token, a JWT), and a segment that is the configured admin token, is written as
 * [redacted]. No contract puts a secret in a path, but a client may by mistake (a refresh token as
 * mielto's connection id), and the log then must not keep it. Secrets are looked for in the
 * percent-decoded path: rtr%5F... or a JWT's dots as %2E are no less secret for their encoding.
 */
final class LoggedPath {

    /**
     * rotor's opaque secrets (rtr_, mk_, cs_, the generated admin token's adm_, each with a base64url
     * body of at least 16 characters) and JWTs (a base64url JSON header, then dots), each starting
     * a word, so that a path such as /subjects/default/docs_team keeps its "cs_team".
     */
    private static final Pattern SECRET = Pattern.compile(
            "(?<![A-Za-z0-9])(?:(?:rtr_|mk_|cs_|adm_)[A-Za-z0-9_-]{16,}|eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_.-]*)");

    /** Shorter segments (/api, /oauth2, /refresh) are not digested to be compared with the admin token. */
    private static final int SHORTEST_COMPARED_SEGMENT = 8;

    private static final String REDACTED = "[redacted]";

    private LoggedPath() {
    }

    /** @param isAdminToken a constant-time comparison with the configured admin token */
    static String of(String path, Predicate<String> isAdminToken) {
        Decoded decoded = Decoded.of(path);
        List<int[]> secrets = new ArrayList<>();
        // Most paths hold neither an underscore nor "eyJ": skip the regex for them.
        if (decoded.text.indexOf('_') >= 0 || decoded.text.contains("eyJ")) {
            Matcher found = SECRET.matcher(decoded.text);
            while (found.find()) {
                secrets.add(new int[] {found.start(), found.end()});
            }
        }
        int segmentStart = 0;
        for (int i = 0; i <= decoded.text.length(); i++) {
            if (i == decoded.text.length() || decoded.text.charAt(i) == '/') {
                if (i - segmentStart >= SHORTEST_COMPARED_SEGMENT && isAdminToken.test(decoded.text.substring(segmentStart, i))) {
                    secrets.add(new int[] {segmentStart, i});
                }
                segmentStart = i + 1;
            }
        }
        return secrets.isEmpty() ? path : decoded.redacting(path, secrets);
    }

    /**
     * The path with each %XX as the character of that byte, and where each character began in the
     * path; null for a path without a "%", whose characters are where they are (most requests).
     */
    private record Decoded(String text, int[] rawStart) {

        static Decoded of(String path) {
            if (path.indexOf('%') < 0) {
                return new Decoded(path, null);
            }
            StringBuilder text = new StringBuilder(path.length());
            int[] rawStart = new int[path.length() + 1];
            int i = 0;
            while (i < path.length()) {
                rawStart[text.length()] = i;
                char c = path.charAt(i);
                if (c == '%' && i + 2 < path.length() && hex(path.charAt(i + 1)) >= 0 && hex(path.charAt(i + 2)) >= 0) {
                    text.append((char) (hex(path.charAt(i + 1)) * 16 + hex(path.charAt(i + 2))));
                    i += 3;
                } else {
                    text.append(c);
                    i++;
                }
            }
            rawStart[text.length()] = path.length();
            return new Decoded(text.toString(), rawStart);
        }

        /** The path with the characters that began each span's first character up to its end replaced by [redacted]. */
        String redacting(String path, List<int[]> spans) {
            spans.sort((a, b) -> Integer.compare(a[0], b[0]));
            StringBuilder logged = new StringBuilder(path.length());
            int copied = 0;
            for (int[] span : spans) {
                int start = raw(span[0]);
                int end = raw(span[1]);
                if (end <= copied) {
                    continue; // inside a span already redacted
                }
                if (start >= copied) {
                    logged.append(path, copied, start).append(REDACTED);
                }
                copied = end;
            }
            return logged.append(path, copied, path.length()).toString();
        }

        private int raw(int index) {
            return rawStart == null ? index : rawStart[index];
        }

        /** ASCII hex only: Character.digit would take other scripts' digits too. */
        private static int hex(char c) {
            if (c >= '0' && c <= '9') {
                return c - '0';
            }
            if (c >= 'a' && c <= 'f') {
                return c - 'a' + 10;
            }
            return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        }
    }
}
