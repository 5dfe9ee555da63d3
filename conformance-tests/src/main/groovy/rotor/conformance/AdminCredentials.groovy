package rotor.conformance

import groovy.transform.Memoized

/**
 * Credentials issued through the admin contract with the admin token: a new grant for every
 * refresh token asked for, one API key, connection and OAuth 2.0 client per run. Every issue is
 * itself an exchange the validator judges.
 */
class AdminCredentials implements Credentials {

    private final Wire wire
    private final String token
    private final Random random
    private final String business

    AdminCredentials(Wire wire, String token, Random random) {
        this.wire = wire
        this.token = token
        this.random = random
        this.business = new UUID(random.nextLong(), random.nextLong()).toString()
    }

    @Override
    String missing(List<String> needs) {
        null
    }

    @Override
    String refreshToken(String contract) {
        issue(contract, [dayzero: business, partner: partnerId() as String][contract],
                contract == 'oauth2' ? 'read write' : null, contract == 'oauth2' ? oauth2Client().id : null).refresh_token
    }

    /** A new grant of a dialect: its JSON answer (grant_id, refresh_token, subject, ...). */
    Map issue(String dialect, String tenant = null, String scope = null, String clientId = null) {
        def body = [dialect: dialect, subject: "subject-${Math.abs(random.nextLong())}".toString()]
        if (tenant) body.tenant = tenant
        if (scope) body.scope = scope
        if (clientId) body.client_id = clientId
        created('/admin/v1/grants', body)
    }

    @Override
    void rotated(String contract, String successor) {
        // every check gets a grant of its own
    }

    @Override
    String businessId() {
        business
    }

    @Override
    int partnerId() {
        1042
    }

    @Override
    @Memoized
    String mieltoApiKey() {
        apiKey(workspace())
    }

    String apiKey(String workspace) {
        created('/admin/v1/api-keys', [workspace_id: workspace]).api_key
    }

    /** The one workspace of this run's mielto key and connection. */
    @Memoized
    String workspace() {
        "ws_conformance_${Math.abs(random.nextLong())}"
    }

    /** A connection whose upstream is the target's own /oauth2/token (so the target must allow private networks when on loopback). */
    @Override
    @Memoized
    String mieltoConnectionId() {
        connectionToTheTarget(workspace())
    }

    /** A new connection in a workspace, whose upstream is the target's own /oauth2/token. */
    String connectionToTheTarget(String workspace) {
        def client = oauth2Client()
        def upstream = issue('oauth2', null, null, client.id)
        connection("${wire.baseUrl}/oauth2/token", client.id, client.secret, upstream.refresh_token as String, workspace)
    }

    String connection(String tokenUrl, String clientId, String secret, String refreshToken, String workspace = workspace()) {
        created('/admin/v1/connections', [workspace_id: workspace, token_url: tokenUrl, client_id: clientId,
                                          client_secret: secret, refresh_token: refreshToken]).connection_id
    }

    @Override
    @Memoized
    Map<String, String> oauth2Client() {
        def client = created('/admin/v1/clients', [client_name: 'conformance', scope: 'read write'])
        [id: client.client_id as String, secret: client.client_secret as String]
    }

    @Override
    String adminToken() {
        token
    }

    /** The admin token as the admin contract wants it. */
    Map<String, String> bearer() {
        [Authorization: "Bearer ${token}".toString()]
    }

    private Map created(String path, Map body) {
        def x = wire.postJson(path, bearer(), body)
        if (x.status != 201) {
            throw new ProvisioningFailure(x.status, "${path} answered ${x.status} to the admin token: ${Redaction.body(x.responseBody)}")
        }
        x.json as Map
    }

    /**
     * The admin contract did not provision what a check needs. A 401 means the admin token is
     * wrong, which ends the run; any other answer is the target's, and fails the check that asked.
     */
    static class ProvisioningFailure extends RuntimeException {
        final int status

        ProvisioningFailure(int status, String message) {
            super(message)
            this.status = status
        }

        boolean isTokenRefused() {
            status == 401
        }
    }
}
