package rotor.conformance

/**
 * What a report may show of a value: credentials cut to their first characters (a report is
 * shared; a token in it may still be live), anything long shortened.
 */
class Redaction {

    private static final Set<String> CREDENTIAL_HEADERS = ['authorization', 'x-auth-token'] as Set
    private static final int LIMIT = 2000
    private static final String SECRET_NAME = /[A-Za-z_]*(?i:token|secret|api_key|apiKey)[A-Za-z_]*/

    static String header(String name, String value) {
        name.toLowerCase() in CREDENTIAL_HEADERS ? cut(value) : shorten(value)
    }

    /** A JSON or form body with the values of token-, secret- and key-named fields cut. */
    static String body(String value) {
        if (value == null) {
            return null
        }
        def json = value.replaceAll(/("${SECRET_NAME}"\s*:\s*")([^"]*)"/) { all, name, String secret -> name + cut(secret) + '"' }
        shorten(json.replaceAll(/(^|&)(${SECRET_NAME}=)([^&]*)/) { all, start, name, String secret -> start + name + cut(secret) })
    }

    static String shorten(String value) {
        value != null && value.length() > LIMIT ? value.substring(0, LIMIT) + "... (${value.length()} characters)" : value
    }

    private static String cut(String value) {
        value != null && value.length() > 16 ? value.substring(0, 8) + '...' : value
    }
}
