package rotor.server.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request's path (or a method name it does not know) as the request log writes it: as it came
 * on the wire, except that whatever in it has the form of a secret rotor issues (a refresh token,
 * an API key, a client secret, a generated admin token, a JWT), and the configured admin token, is
 * written as [redacted], wherever in the text it stands. No contract puts a secret in a path, but a
 * client may by mistake (a refresh token as mielto's connection id), and the log then must not keep
 * it. Secrets are looked for in the percent-decoded path, decoded again while it still holds
 * escapes (up to three times): rtr%5F..., rtr%255F... or a JWT's dots as %2E are no less secret
 * for their encoding.
 */
final class LoggedPath {

    /**
     * rotor's opaque secrets (rtr_, mk_, cs_, the generated admin token's adm_, each with a base64url
     * body of at least 16 characters) and JWTs (a base64url JSON header of at least 11 characters,
     * then a dot), wherever they start: a client that glued one to other characters (x..., %zz...)
     * leaked it no less. Shorter look-alikes (docs_team's "cs_team", heyJude.mp3) are kept.
     */
    private static final Pattern SECRET = Pattern.compile(
            "(?:rtr_|mk_|cs_|adm_)[A-Za-z0-9_-]{16,}|eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_.-]*");

    /** How often a path is decoded again while it still holds escapes. */
    private static final int DECODINGS = 3;

    private static final String REDACTED = "[redacted]";

    private LoggedPath() {
    }

    /** @param adminTokenIn where the configured admin token occurs in a text (AdminToken::occurrencesIn) */
    static String of(String path, Function<CharSequence, List<int[]>> adminTokenIn) {
        Decoded decoded = Decoded.of(path);
        for (int round = 1; round < DECODINGS && decoded.text.indexOf('%') >= 0; round++) {
            decoded = decoded.again();
        }
        List<int[]> tokens = adminTokenIn.apply(decoded.text);
        List<int[]> shapes = secretShapes(decoded.text);
        if (tokens.isEmpty() && shapes.isEmpty()) {
            return path; // most requests: nothing to copy or redact
        }
        List<int[]> secrets = new ArrayList<>(tokens);
        secrets.addAll(shapes);
        return decoded.redacting(path, secrets);
    }

    /** Where the text holds one of rotor's secret shapes. */
    private static List<int[]> secretShapes(String text) {
        // Most paths hold neither an underscore nor "eyJ": skip the regex for them.
        if (text.indexOf('_') < 0 && !text.contains("eyJ")) {
            return List.of();
        }
        List<int[]> found = new ArrayList<>();
        Matcher shape = SECRET.matcher(text);
        while (shape.find()) {
            found.add(new int[] {shape.start(), shape.end()});
        }
        return found;
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

        /** This text decoded once more, each of its characters still mapped to where it began in the path. */
        Decoded again() {
            Decoded next = of(text);
            if (next.rawStart == null) {
                return this;
            }
            int[] composed = new int[next.text.length() + 1];
            for (int i = 0; i < composed.length; i++) {
                composed[i] = raw(next.rawStart[i]);
            }
            return new Decoded(next.text, composed);
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
