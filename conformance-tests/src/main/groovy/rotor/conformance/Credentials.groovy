package rotor.conformance

/**
 * Where the checks' tokens come from: issued through the admin contract ({@link AdminCredentials})
 * or brought by the user ({@link BroughtCredentials}).
 */
interface Credentials {

    /** Null when every need can be met now, else what is missing, as a person reads it. */
    String missing(List<String> needs)

    /** A live refresh token of the contract's grant: from then on the caller owns it. */
    String refreshToken(String contract)

    /** The successor a refresh answered, for the next check that needs the contract's token. */
    void rotated(String contract, String successor)

    /** The dayzero grants' business id (a UUID). */
    String businessId()

    /** The partner grants' partner id. */
    int partnerId()

    String mieltoApiKey()

    String mieltoConnectionId()

    /** The registered OAuth 2.0 client the oauth2 refresh tokens belong to: `id` and `secret`. */
    Map<String, String> oauth2Client()

    /** The admin token, or null without one. */
    String adminToken()
}
