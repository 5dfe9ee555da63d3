package rotor.server.ops

import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.client.micronaut.admin.ApiKeysApi
import rotor.client.micronaut.admin.ClientsApi
import rotor.client.micronaut.admin.ConnectionsApi
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.Dialect
import rotor.server.support.EmbeddedServerSpecification
import rotor.server.support.PrometheusScrape
import rotor.server.support.RefreshesOfEveryDialect

/**
 * Issue 13: by default /prometheus is for the admin token alone (an access token, another bearer
 * token or none at all is a 401 in the admin contract's shape), and what it shows is labelled by
 * dialect, outcome and the like, never by a token, subject, tenant or client value.
 */
@MicronautTest(transactional = false)
class PrometheusAnswersOnlyTheAdminTokenSpec extends EmbeddedServerSpecification implements RefreshesOfEveryDialect {

    @Inject @Client('/') HttpClient http
    @Inject GrantsApi grantsApi
    @Inject ClientsApi clientsApi
    @Inject ApiKeysApi apiKeysApi
    @Inject ConnectionsApi connectionsApi

    def "#path for #caller is 401, with no metric in the answer"() {
        when:
        def response = exchange(credential.call(this, HttpRequest.GET(path)))
        def body = response.getBody(String).orElse('')

        then:
        response.status.code == 401
        response.header('WWW-Authenticate') == 'Bearer'
        body.contains('"unauthorized"')
        !body.contains('rotor_') && !body.contains('jvm_')

        where:
        caller                                      | credential
        'an anonymous caller'                       | { s, HttpRequest r -> r }
        'a wrong bearer token'                      | { s, HttpRequest r -> r.bearerAuth('not-the-admin-token') }
        'the admin token with one character more'   | { s, HttpRequest r -> r.bearerAuth(ADMIN_TOKEN + 'x') }
        'a valid rotor access token'                | { s, HttpRequest r -> r.bearerAuth(s.issue(s.grantsApi, Dialect.ONBOARD).accessToken) }
        'the admin token under Basic'               | { s, HttpRequest r -> r.basicAuth('admin', ADMIN_TOKEN) }
        'an anonymous caller, with a trailing slash'  | { s, HttpRequest r -> r }

        path = caller.endsWith('slash') ? '/prometheus/' : '/prometheus'
    }

    def "with the admin token it is Prometheus text"() {
        when:
        def response = exchange(HttpRequest.GET('/prometheus').bearerAuth(ADMIN_TOKEN))

        then:
        response.status.code == 200
        response.contentType.orElseThrow().toString().startsWith(PrometheusScrape.CONTENT_TYPE_PREFIX)
        new PrometheusScrape(response.getBody(String).orElseThrow()).has('jvm_memory_used_bytes')
    }

    def "after a refresh in every dialect no label carries a token, subject, tenant, client or connection value"() {
        given:
        def handled = DIALECTS.collectMany { refreshOnce(it) }

        when:
        def scrape = new PrometheusScrape(exchange(HttpRequest.GET('/prometheus').bearerAuth(ADMIN_TOKEN)).getBody(String).orElseThrow())
        def labels = scrape.labelValues()

        then: "the refreshes were counted, so their labels were there to look at"
        DIALECTS.every { scrape.value('rotor_refreshes_total', [dialect: it, outcome: 'ok']) >= 1 }
        handled.size() > 30
        labels.findAll { label -> handled.any { value -> label.contains(value) } } == [] as Set
        labels.findAll { it.contains('rtr_') || it.contains('eyJ') || it.contains(ADMIN_TOKEN) } == [] as Set
    }

    private HttpResponse<?> exchange(HttpRequest<?> request) {
        try {
            http.toBlocking().exchange(request, String)
        } catch (HttpClientResponseException e) {
            e.response
        }
    }
}
