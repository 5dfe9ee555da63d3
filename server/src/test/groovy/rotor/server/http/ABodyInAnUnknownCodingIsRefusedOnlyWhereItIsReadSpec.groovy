package rotor.server.http

import io.micronaut.test.extensions.spock.annotation.MicronautTest
import rotor.server.support.CapturedLog
import rotor.server.support.EmbeddedServerSpecification

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration

/**
 * A body in a content coding the server does not decode is refused where a route would read it
 * (BodiesThatCannotBeReadSpec). Anywhere else the body does not matter, and the request gets what
 * it would get with that body plain: its page, its 404 or 405, or the 401 of a path the admin token
 * guards, for an unauthenticated caller learns nothing of a body it may not send. It was a 500
 * with an ERROR line and a stack trace in the log.
 */
@MicronautTest(transactional = false)
class ABodyInAnUnknownCodingIsRefusedOnlyWhereItIsReadSpec extends EmbeddedServerSpecification {

    def "#method #path with a body under Content-Encoding: #coding answers #status, as with the body plain, and logs no exception"() {
        given:
        def log = new CapturedLog()

        when:
        def coded = send(method, path, coding)
        def plain = send(method, path, null)

        then:
        coded.statusCode() == status
        plain.statusCode() == status
        coded.body() == plain.body()
        log.lines().findAll { it.contains('Exception') || it.contains(' ERROR ') } == []

        cleanup:
        log?.close()

        where:
        [method, path, status, coding] << [[
                ['GET', '/health', 200],
                ['POST', '/health', 405],
                ['GET', '/docs', 200],
                ['POST', '/docs', 405],
                ['GET', '/openapi/oauth2.yaml', 200],
                ['GET', '/.well-known/jwks.json', 200],
                ['GET', '/nothing-here', 404],
                ['POST', '/nothing-here', 404],
                ['GET', '/oauth2/token', 405],
                ['GET', '/prometheus', 401],
                ['POST', '/admin/v1/grants', 401],
        ], ['xyz', 'br']].combinations().collect { row, coding -> row + [coding] }
    }

    private HttpResponse<String> send(String method, String path, String coding) {
        def request = HttpRequest.newBuilder(URI.create("http://localhost:${port}${path}"))
                .timeout(Duration.ofSeconds(10))
                .header('Content-Type', 'application/json')
                .method(method, HttpRequest.BodyPublishers.ofString('{"dialect":"onboard","subject":"someone"}'))
        if (coding != null) {
            request.header('Content-Encoding', coding)
        }
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString())
    }
}
