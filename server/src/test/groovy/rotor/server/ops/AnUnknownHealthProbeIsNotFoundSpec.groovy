package rotor.server.ops

import groovy.json.JsonSlurper
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import rotor.server.support.CapturedLog
import rotor.server.support.EmbeddedServerSpecification

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration

/**
 * /health has two probes below it, liveness and readiness. Any other name below it is a path
 * that names nothing: a 404, as any such path, not Micronaut's 400 for a selector it could not
 * convert, which told an orchestrator with a typo in its probe that its request was malformed.
 */
@MicronautTest(transactional = false)
class AnUnknownHealthProbeIsNotFoundSpec extends EmbeddedServerSpecification {

    def "GET #path is #status"() {
        given:
        def log = new CapturedLog()

        when:
        def answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:${port}${path}"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString())

        then:
        answer.statusCode() == status
        new JsonSlurper().parseText(answer.body())[member] == value
        log.lines().findAll { it.contains('Exception') || it.contains(' ERROR ') } == []

        cleanup:
        log?.close()

        where:
        path                | status | member    | value
        '/health/foo'       | 404    | 'message' | 'Not Found'
        '/health/livenes'   | 404    | 'message' | 'Not Found'
        '/health/startup'   | 404    | 'message' | 'Not Found'
        '/health/%00'       | 404    | 'message' | 'Not Found'
        '/health/liveness'  | 200    | 'status'  | 'UP'
        '/health/readiness' | 200    | 'status'  | 'UP'
        '/health/LIVENESS'  | 200    | 'status'  | 'UP'
        '/health'           | 200    | 'status'  | 'UP'
    }
}
