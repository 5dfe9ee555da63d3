package rotor.server.ops;

import java.util.regex.Pattern;

/**
 * A request's path as the request log writes it: whatever in it has the form of a secret rotor
 * issues (a refresh token, an API key, a client secret, the admin token, a JWT) is written as
 * [redacted]. No contract puts a secret in a path, but a client may by mistake (a refresh token as
 * mielto's connection id), and the log then must not keep it.
 */
final class LoggedPath {

    /**
     * rotor's opaque secrets (rtr_, mk_, cs_, the generated admin token's adm_, each with a base64url
     * body of at least 16 characters) and JWTs (a base64url JSON header, then dots), each starting
     * a word, so that a path such as /subjects/default/docs_team keeps its "cs_team". A character
     * of one may come percent-encoded (%63 for c): the rest of the secret is no less secret for it.
     */
    private static final Pattern SECRET = Pattern.compile(
            "(?<![A-Za-z0-9])(?:(?:rtr_|mk_|cs_|adm_)(?:[A-Za-z0-9_-]|%\\p{XDigit}{2}){16,}|eyJ(?:[A-Za-z0-9_-]|%\\p{XDigit}{2})*\\.(?:[A-Za-z0-9_.-]|%\\p{XDigit}{2})*)");

    private LoggedPath() {
    }

    static String of(String path) {
        // Most paths hold neither an underscore nor "eyJ": skip the regex for them.
        if (path.indexOf('_') < 0 && !path.contains("eyJ")) {
            return path;
        }
        return SECRET.matcher(path).replaceAll("[redacted]");
    }
}
