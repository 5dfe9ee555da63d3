package rotor.server

import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import spock.lang.Specification

@MicronautTest
@Property(name = 'rotor.admin.token', value = 'admin-token-for-specs')
class ServerStartsAndReportsHealthSpec extends Specification {

    @Inject
    @Client("/")
    HttpClient http

    def "the started server answers GET /health with UP, the store's indicator included for the admin token"() {
        when:
        def response = http.toBlocking().exchange(HttpRequest.GET('/health').bearerAuth('admin-token-for-specs'), Map)

        then:
        response.status.code == 200
        response.body().status == 'UP'
        response.body().details.jdbc.status == 'UP'
    }
}
