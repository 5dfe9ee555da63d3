package rotor.cluster

import groovy.json.JsonOutput
import groovy.json.JsonSlurper

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration

/**
 * onboard's and dayzero's refresh and the admin calls the specs need, over the JDK's client with a timeout on
 * every request: a request that hangs fails the spec instead of stalling it.
 */
class Calls {

    /** One answer: its status and, for a 200, the new refresh token and the access token's kid. */
    static class Answer {
        int status
        String refreshToken
        String accessToken
    }

    static final Duration TIMEOUT = Duration.ofSeconds(20)
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()

    static String issue(RotorProcess rotor, String subject) {
        def r = send(rotor, 'POST', '/admin/v1/grants', JsonOutput.toJson([dialect: 'onboard', subject: subject]), true)
        if (r.statusCode() != 201) {
            throw new IllegalStateException("grant: ${r.statusCode()} ${r.body()}")
        }
        new JsonSlurper().parseText(r.body()).refresh_token
    }

    static Answer refresh(RotorProcess rotor, String refreshToken) {
        def request = HttpRequest.newBuilder(rotor.uri('/auth/oauth/refresh-token')).timeout(TIMEOUT)
                .header('x-auth-token', refreshToken).POST(HttpRequest.BodyPublishers.noBody()).build()
        def r = HTTP.send(request, HttpResponse.BodyHandlers.ofString())
        def answer = new Answer(status: r.statusCode())
        if (r.statusCode() == 200) {
            def body = new JsonSlurper().parseText(r.body())
            answer.refreshToken = body.refreshToken.token
            answer.accessToken = body.accessToken.token
        }
        answer
    }

    /** dayzero's refresh (no grace period in these specs): the token as Bearer, the tenant as x-business-id. */
    static Answer refreshDayzero(RotorProcess rotor, String refreshToken, String businessId) {
        def request = HttpRequest.newBuilder(rotor.uri('/api/v1/oauth2/refresh')).timeout(TIMEOUT)
                .header('Authorization', "Bearer ${refreshToken}").header('x-business-id', businessId)
                .POST(HttpRequest.BodyPublishers.noBody()).build()
        def r = HTTP.send(request, HttpResponse.BodyHandlers.ofString())
        def answer = new Answer(status: r.statusCode())
        if (r.statusCode() == 200) {
            answer.refreshToken = new JsonSlurper().parseText(r.body()).refresh_token
        }
        answer
    }

    static String issueDayzero(RotorProcess rotor, String subject, String businessId) {
        def r = send(rotor, 'POST', '/admin/v1/grants', JsonOutput.toJson([dialect: 'dayzero', subject: subject, tenant: businessId]), true)
        new JsonSlurper().parseText(r.body()).refresh_token
    }

    /** A mielto caller: an API key of the workspace and a connection whose upstream token endpoint is the URL given. */
    static Map mieltoConnection(RotorProcess rotor, String workspace, URI tokenUrl) {
        def key = new JsonSlurper().parseText(send(rotor, 'POST', '/admin/v1/api-keys', JsonOutput.toJson([workspace_id: workspace]), true).body()).api_key
        def r = send(rotor, 'POST', '/admin/v1/connections', JsonOutput.toJson([workspace_id: workspace, token_url: tokenUrl.toString(),
                client_id: 'upstream-client', client_secret: 'upstream-secret', refresh_token: 'upstream-refresh']), true)
        if (r.statusCode() != 201) {
            throw new IllegalStateException("connection: ${r.statusCode()} ${r.body()}")
        }
        [apiKey: key, connectionId: new JsonSlurper().parseText(r.body()).connection_id]
    }

    /** mielto's refresh of a connection; its status, or null when the server closed the exchange unanswered. */
    static Integer refreshMielto(RotorProcess rotor, Map caller, String workspace) {
        def request = HttpRequest.newBuilder(rotor.uri("/api/v1/oauth/refresh/${caller.connectionId}")).timeout(TIMEOUT)
                .header('Authorization', "Bearer ${caller.apiKey}").header('x-workspace-id', workspace)
                .POST(HttpRequest.BodyPublishers.noBody()).build()
        try {
            HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()
        } catch (IOException closed) {
            null
        }
    }

    static Map rotateKey(RotorProcess rotor) {
        new JsonSlurper().parseText(send(rotor, 'POST', '/admin/v1/keys/rotate', null, true).body()) as Map
    }

    static List<String> publishedKids(RotorProcess rotor) {
        new JsonSlurper().parseText(send(rotor, 'GET', '/.well-known/jwks.json', null, false).body()).keys*.kid
    }

    static String kidOf(String jwt) {
        new JsonSlurper().parse(Base64.urlDecoder.decode(jwt.tokenize('.')[0])).kid
    }

    private static HttpResponse<String> send(RotorProcess rotor, String method, String path, String json, boolean admin) {
        def builder = HttpRequest.newBuilder(rotor.uri(path)).timeout(TIMEOUT)
        if (admin) {
            builder.header('Authorization', "Bearer ${RotorProcess.ADMIN_TOKEN}")
        }
        if (json != null) {
            builder.header('Content-Type', 'application/json')
        }
        builder.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString())
    }
}
