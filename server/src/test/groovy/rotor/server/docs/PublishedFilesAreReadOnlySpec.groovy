package rotor.server.docs

import io.micronaut.http.HttpMethod
import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import spock.lang.Specification

/** The published files (the contracts, the /docs page, Swagger UI's webjar) are read, never written: only GET and HEAD. */
@MicronautTest
class PublishedFilesAreReadOnlySpec extends Specification {

    @Inject
    @Client('/')
    HttpClient http

    def "#method #path answers 405, allowing GET and HEAD"() {
        when:
        http.toBlocking().exchange(HttpRequest.create(method, path).body('x'), String)

        then:
        def refused = thrown(HttpClientResponseException)
        refused.status.code == 405
        refused.response.header('Allow') == 'GET, HEAD'

        where:
        [method, path] << [[HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH],
                           ['/openapi/admin.yaml', '/docs/index.html', '/docs', '/webjars/swagger-ui/']].combinations()
    }

    def "#method #path still answers 200"() {
        expect:
        http.toBlocking().exchange(HttpRequest.create(method, path), String).status.code == 200

        where:
        [method, path] << [[HttpMethod.GET, HttpMethod.HEAD], ['/openapi/admin.yaml', '/docs/index.html']].combinations()
    }
}
