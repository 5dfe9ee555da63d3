package rotor.server.support

import io.micronaut.http.HttpRequest
import io.micronaut.http.MediaType
import io.micronaut.http.MutableHttpRequest
import io.micronaut.http.client.HttpClient
import rotor.client.micronaut.admin.model.CreateGrantRequest
import rotor.client.micronaut.admin.model.Dialect
import rotor.client.micronaut.admin.model.IssuedGrant

/**
 * One successful refresh in each dialect, over plain HTTP, on a grant of its own; mielto's is a
 * stored connection whose upstream is this server's own /oauth2/token.
 */
trait RefreshesOfEveryDialect extends AdminFixtures {

    static final List<String> DIALECTS = ['dayzero', 'onboard', 'partner', 'session', 'oauth2', 'mielto']
    static final String PARTNER_ID = '918273645'

    abstract HttpClient getHttp()

    abstract int getPort()

    /**
     * Refreshes once (asserting a 200) and answers every value the refresh handled: subject,
     * tenant, credentials, the tokens presented and the strings of the answer; for specs that look
     * for them where they must not be.
     */
    List<String> refreshOnce(String dialect) {
        List<String> handled = []
        MutableHttpRequest<?> request
        switch (dialect) {
            case 'dayzero':
                def grant = grant(Dialect.DAYZERO, UUID.randomUUID().toString(), handled)
                request = HttpRequest.POST('/api/v1/oauth2/refresh', '').bearerAuth(grant.refreshToken).header('x-business-id', grant.tenant)
                break
            case 'onboard':
                request = HttpRequest.POST('/auth/oauth/refresh-token', '').header('x-auth-token', grant(Dialect.ONBOARD, null, handled).refreshToken)
                break
            case 'partner':
                request = HttpRequest.POST('/v1/auth/token', [refreshToken: grant(Dialect.PARTNER, PARTNER_ID, handled).refreshToken])
                        .header('partnerId', PARTNER_ID).header('grantType', 'refresh_token')
                break
            case 'session':
                request = HttpRequest.POST('/session/token/refresh', [refresh_token: grant(Dialect.SESSION, null, handled).refreshToken])
                break
            case 'oauth2':
                def client = registerClient()
                handled += [client.clientId, client.clientSecret]
                request = oauth2Refresh(client.clientId, client.clientSecret, remember(oauth2Grant(client), handled).refreshToken)
                break
            case 'mielto':
                def client = registerClient()
                def upstream = remember(oauth2Grant(client), handled)
                def workspace = "ws_${UUID.randomUUID()}".toString()
                def key = apiKey(workspace)
                def id = connection(workspace, "http://localhost:${port}/oauth2/token", client.clientId, client.clientSecret, upstream.refreshToken)
                handled += [client.clientId, client.clientSecret, workspace, key, id]
                request = HttpRequest.POST("/api/v1/oauth/refresh/${id}", '').bearerAuth(key)
                break
            default:
                throw new IllegalArgumentException(dialect)
        }
        def answer = http.toBlocking().exchange(request, Map)
        assert answer.status.code == 200
        handled + strings(answer.body())
    }

    static MutableHttpRequest<?> oauth2Refresh(String clientId, String clientSecret, String refreshToken) {
        HttpRequest.POST('/oauth2/token', "grant_type=refresh_token&refresh_token=${refreshToken}".toString())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .basicAuth(clientId, clientSecret)
    }

    private IssuedGrant grant(Dialect dialect, String tenant, List<String> handled) {
        remember(asAdmin { grantsApi.createGrant(new CreateGrantRequest(dialect, "user-${UUID.randomUUID()}").tenant(tenant)).body() }, handled)
    }

    private static IssuedGrant remember(IssuedGrant grant, List<String> handled) {
        handled.addAll([grant.subject, grant.tenant, grant.grantId.toString(), grant.refreshToken, grant.accessToken].findAll())
        grant
    }

    /** The string values of a JSON answer, at any depth, long enough to be an identifier or a token. */
    private static List<String> strings(Object json) {
        if (json instanceof Map) {
            return json.values().collectMany { strings(it) }
        }
        if (json instanceof List) {
            return json.collectMany { strings(it) }
        }
        json instanceof String && json.length() >= 8 ? [json] : []
    }
}
