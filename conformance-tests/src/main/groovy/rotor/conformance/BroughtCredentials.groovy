package rotor.conformance

/**
 * Credentials the user brings (`--credential dayzero.refresh-token=...`). A brought refresh token
 * is spent by the first check that refreshes with it; that check hands the successor on, and a
 * check that replays a token (reuse detection) ends the chain.
 */
class BroughtCredentials implements Credentials {

    /** Every credential name, by contract, as `--help` explains them. */
    static final Map<String, List<String>> NAMES = [
            dayzero: ['dayzero.refresh-token', 'dayzero.business-id'],
            onboard: ['onboard.refresh-token'],
            partner: ['partner.refresh-token', 'partner.partner-id'],
            session: ['session.refresh-token'],
            mielto : ['mielto.api-key', 'mielto.connection-id'],
            oauth2 : ['oauth2.client-id', 'oauth2.client-secret', 'oauth2.refresh-token'],
    ]

    private final Map<String, String> values
    private final Set<String> spent = [] as Set

    BroughtCredentials(Map<String, String> values) {
        def unknown = values.keySet() - NAMES.values().flatten()
        if (unknown) {
            throw new IllegalArgumentException("unknown credential ${unknown.join(', ')}; known: ${NAMES.values().flatten().join(', ')}")
        }
        this.values = new LinkedHashMap<>(values)
    }

    @Override
    String missing(List<String> needs) {
        def lacking = needs.findAll { !values[it] || it in spent }
        if (!lacking) {
            return null
        }
        'needs ' + lacking.collect { need ->
            need == Check.ADMIN ? '--admin-token' : need in spent ? "${need} (the brought one was spent by an earlier check)" : need
        }.join(', ')
    }

    @Override
    String refreshToken(String contract) {
        def name = "${contract}.refresh-token".toString()
        spent << name
        values[name]
    }

    @Override
    void rotated(String contract, String successor) {
        def name = "${contract}.refresh-token".toString()
        values[name] = successor
        spent.remove(name)
    }

    @Override
    String businessId() {
        values['dayzero.business-id']
    }

    @Override
    int partnerId() {
        values['partner.partner-id'] as int
    }

    @Override
    String mieltoApiKey() {
        values['mielto.api-key']
    }

    @Override
    String mieltoConnectionId() {
        values['mielto.connection-id']
    }

    @Override
    Map<String, String> oauth2Client() {
        [id: values['oauth2.client-id'], secret: values['oauth2.client-secret']]
    }

    @Override
    String adminToken() {
        null
    }
}
