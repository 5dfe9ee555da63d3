package rotor.server.docs

import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import spock.lang.Specification

/** /docs takes the admin token: no other origin may frame it (clickjacking). */
@MicronautTest
class DocsPageIsNeverFramedSpec extends Specification {

    @Inject
    @Client('/')
    HttpClient http

    def "GET #path tells browsers never to frame it"() {
        when:
        def response = http.toBlocking().exchange(HttpRequest.GET(path), String)

        then:
        response.status.code == 200
        response.header('Content-Security-Policy') == "frame-ancestors 'none'"
        response.header('X-Frame-Options') == 'DENY'

        where:
        path << ['/docs', '/docs/index.html']
    }
}
