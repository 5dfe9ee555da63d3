package rotor.server.docs

import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.contracts.Contract
import spock.lang.Specification

/**
 * Issue 13: every contract of openapi/ is served, to anyone, at /openapi/<contract>.yaml exactly as
 * published, and /docs is Swagger UI from its webjar, reachable without credentials.
 */
@MicronautTest
class ContractsAreServedAsPublishedSpec extends Specification {

    @Inject
    @Client('/')
    HttpClient http

    def "GET /openapi/ for #name without credentials answers the contract as it is in openapi/"() {
        given:
        def published = Contract.classLoader.getResourceAsStream("openapi/${name}.yaml").withCloseable { it.text }

        when:
        def response = http.toBlocking().exchange(HttpRequest.GET("/openapi/${name}.yaml"), String)

        then:
        response.status.code == 200
        response.body() == published

        where:
        name << Contract.NAMES
    }

    def "GET /docs without credentials answers the page, whose scripts the server serves from the webjar"() {
        when:
        def page = http.toBlocking().retrieve(HttpRequest.GET('/docs'))
        def scripts = (page =~ /src="([^"]+)"/).collect { it[1] as String }

        then:
        scripts.any { it.startsWith('/webjars/swagger-ui/') && it.endsWith('/swagger-ui-bundle.js') }
        scripts.every { http.toBlocking().exchange(HttpRequest.GET(it), byte[]).status.code == 200 }
    }
}
