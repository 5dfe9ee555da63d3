package rotor.server.dialect

import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.client.micronaut.Credential
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.Dialect
import rotor.client.micronaut.dayzero.OauthApi
import rotor.server.ops.RequestLog
import rotor.server.support.CapturedLog
import rotor.server.support.EmbeddedServerSpecification

@MicronautTest(transactional = false)
class RequestLogSpec extends EmbeddedServerSpecification {

    @Inject GrantsApi admin
    @Inject OauthApi dayzero

    def "every request logs one line with method, path, status and latency, and no log line holds a token"() {
        given:
        def business = UUID.randomUUID()
        def grant = issue(admin, Dialect.DAYZERO, business.toString())
        def log = new CapturedLog()

        when:
        def fresh = withCredential(Credential.bearer(grant.refreshToken)) { dayzero.refreshTokenApiV1Oauth2RefreshPost(business) }.body()
        withCredential(Credential.bearer(grant.refreshToken)) { dayzero.refreshTokenApiV1Oauth2RefreshPost(business) }

        then:
        thrown(HttpClientResponseException)
        def requests = log.lines(RequestLog.name)
        requests.size() == 2
        requests[0] ==~ /POST \/api\/v1\/oauth2\/refresh 200 \d+\.\dms/
        requests[1] ==~ /POST \/api\/v1\/oauth2\/refresh 401 \d+\.\dms/
        def secrets = [grant.refreshToken, grant.accessToken, fresh.refreshToken, fresh.accessToken]
        log.lines().every { line -> secrets.every { !line.contains(it) } }

        cleanup:
        log?.close()
    }

    def "a secret a client puts in a path by mistake (#what) is logged as [redacted]"() {
        given:
        def grant = issue(admin, Dialect.ONBOARD)
        def secret = secretOf(grant)
        def log = new CapturedLog()
        def http = java.net.http.HttpClient.newHttpClient()

        when:
        def answer = http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:${port}${prefix}${secret}"))
                .header('Authorization', "Bearer ${secret}")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.discarding())

        then:
        answer.statusCode() < 500
        def requests = log.lines(RequestLog.name)
        requests.size() == 1
        requests[0].startsWith("POST ${prefix}[redacted] ${answer.statusCode()} ")
        log.lines().every { !it.contains(secret) }

        cleanup:
        log?.close()

        where:
        what                        | prefix                        | secretOf
        'a refresh token'           | '/api/v1/oauth/refresh/'      | { it.refreshToken }
        'an access token'           | '/api/v1/oauth/refresh/'      | { it.accessToken }
        'an API key'                | '/api/v1/oauth/refresh/'      | { 'mk_' + 'K' * 43 }
        'a client secret'           | '/admin/v1/clients/'          | { 'cs_' + 'S' * 43 }
        'a generated admin token'   | '/admin/v1/clients/'          | { 'adm_' + 'A' * 43 }
        'a refresh token with a character percent-encoded' | '/api/v1/oauth/refresh/' | { percentEncodedAt(it.refreshToken, 20) }
    }

    def "a secret percent-encoded in a path (#what) is logged as [redacted], neither encoded nor decoded"() {
        given:
        def grant = issue(admin, Dialect.ONBOARD)
        def secret = secretOf(grant)
        def encoded = encode(secret)
        def log = new CapturedLog()
        def http = java.net.http.HttpClient.newHttpClient()

        when:
        def answer = http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:${port}/x/${encoded}/y"))
                .GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding())

        then:
        answer.statusCode() < 500
        def requests = log.lines(RequestLog.name)
        requests.size() == 1
        requests[0].startsWith("GET /x/[redacted]/y ${answer.statusCode()} ")
        log.lines().every { !it.contains(secret) && !it.contains(encoded) && !it.contains(secret.substring(4, 20)) }

        cleanup:
        log?.close()

        where:
        what                                       | secretOf               | encode
        'a refresh token, its underscore encoded'  | { it.refreshToken }    | { it.replace('_', '%5F') }
        'a refresh token, every character encoded' | { it.refreshToken }    | { t -> t.collect { String.format('%%%02x', it as char as int) }.join() }
        'an access token, its dots encoded'        | { it.accessToken }     | { it.replace('.', '%2E') }
        'the configured admin token'               | { ADMIN_TOKEN }        | { it }
        'the configured admin token, encoded'      | { ADMIN_TOKEN }        | { it.replace('-', '%2D') }
    }

    private static String percentEncodedAt(String token, int index) {
        token.substring(0, index) + String.format('%%%02X', token.charAt(index) as int) + token.substring(index + 1)
    }

    def "a path that only looks a little like a secret is logged as it is: #path"() {
        given:
        def log = new CapturedLog()
        def http = java.net.http.HttpClient.newHttpClient()

        when:
        def answer = http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:${port}${path}"))
                .GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding())

        then:
        log.lines(RequestLog.name).size() == 1
        log.lines(RequestLog.name)[0].startsWith("GET ${path} ${answer.statusCode()} ")

        cleanup:
        log?.close()

        where:
        path << ['/admin/v1/subjects/default/docs_team/grants', '/admin/v1/subjects/default/rtr_short/grants',
                 '/admin/v1/subjects/default/analytics_mk_x/grants', '/admin/v1/subjects/default/heyJude.mp3/grants',
                 '/admin/v1/subjects/default/docs%5Fteam/grants', '/x/100%25']
    }

    def "a path cannot forge a log line: it is logged as it came on the wire, control characters escaped"() {
        given:
        def log = new CapturedLog()
        def http = java.net.http.HttpClient.newHttpClient()
        def forged = '/api/v1/oauth2/refresh%0D%0A2026-01-01%20INFO%20admin%20logged%20in%00%1b%5B31m'

        when:
        def answer = http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:${port}${forged}"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.discarding())

        then:
        answer.statusCode() < 500
        def requests = log.lines(RequestLog.name)
        requests.size() == 1
        requests[0].startsWith("POST ${forged} ${answer.statusCode()} ")
        requests[0].toCharArray().every { char c -> c >= (' ' as char) && c != (0x7f as char) }

        cleanup:
        log?.close()
    }

    def "raw control bytes in a request line never reach the log unescaped"() {
        given:
        def log = new CapturedLog()

        when: 'a client writes ESC and DEL straight into the request line, as no HTTP library would'
        def status = new Socket('localhost', port).withCloseable { socket ->
            socket.soTimeout = 5000
            socket.outputStream.write('POST /api/v1/oauth2/refresh\u001b[31m\u007fx HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'.getBytes('ISO-8859-1'))
            socket.outputStream.flush()
            new BufferedReader(new InputStreamReader(socket.inputStream, 'ISO-8859-1')).readLine()
        }

        then:
        status.startsWith('HTTP/1.1 4')
        log.lines(RequestLog.name).every { line -> line.toCharArray().every { char c -> c >= (' ' as char) && c != (0x7f as char) } }

        cleanup:
        log?.close()
    }
}
