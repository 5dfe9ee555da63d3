package rotor.server.ops

import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.server.support.EmbeddedServerSpecification
import rotor.server.support.PrometheusScrape

/** Issue 13: rotor.metrics.open lets a scraper without the admin token read /prometheus; the other routes stay closed. */
@MicronautTest(transactional = false)
@Property(name = 'rotor.metrics.open', value = 'true')
class PrometheusOpensToScrapersByConfigurationSpec extends EmbeddedServerSpecification {

    @Inject @Client('/') HttpClient http

    def "an anonymous scraper reads /prometheus when rotor.metrics.open is true"() {
        when:
        def response = http.toBlocking().exchange(HttpRequest.GET('/prometheus'), String)

        then:
        response.status.code == 200
        new PrometheusScrape(response.body()).has('jvm_memory_used_bytes')
    }

    def "the admin API still wants the admin token"() {
        when:
        http.toBlocking().exchange(HttpRequest.GET('/admin/v1/clients'), String)

        then:
        def e = thrown(io.micronaut.http.client.exceptions.HttpClientResponseException)
        e.status.code == 401
    }
}
