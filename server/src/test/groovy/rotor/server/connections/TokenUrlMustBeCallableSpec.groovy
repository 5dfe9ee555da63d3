package rotor.server.connections

import groovy.json.JsonOutput
import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.server.support.Answer
import rotor.server.support.ConnectionSpecification

/**
 * A token_url rotor could never call is refused when it is registered, with what is wrong with
 * it, not accepted and then answered with a 500 on every refresh: a port beyond 65535, a
 * fragment (RFC 6749 section 3.2: the token endpoint URI "MUST NOT include a fragment
 * component"), a string that is no URL at all.
 */
@MicronautTest(transactional = false)
class TokenUrlMustBeCallableSpec extends ConnectionSpecification {

    @Inject
    @Client('/')
    HttpClient http

    def "registering #tokenUrl answers 422 on token_url: #expected"() {
        when:
        def violations = refusedRegistering(tokenUrl)

        then:
        violations*.field == ['token_url']
        violations[0].message.startsWith(expected)

        where:
        tokenUrl                                | expected
        'https://auth.example.com:99999/token'  | 'must be an absolute http or https URL'
        'https://auth.example.com:65536/token'  | 'must be an absolute http or https URL'
        'https://auth.example.com/token#frag'   | 'must not carry a fragment'
    }

    def "registering #tokenUrl, which no typed client would send, answers 422 on token_url: must be a URL"() {
        when:
        def answer = Answer.to(http, HttpRequest.POST('/admin/v1/connections', JsonOutput.toJson([workspace_id: workspace,
                token_url: tokenUrl, client_id: 'acme', client_secret: 's3cret', refresh_token: 'up-rt-1'])).bearerAuth(ADMIN_TOKEN)
                .contentType('application/json'))

        then:
        answer.status == 422
        answer.json.error == 'validation_failed'
        answer.json.violations*.field == ['token_url']
        answer.json.violations[0].message == 'must be a URL (RFC 3986)'

        where:
        tokenUrl << ['https://exa mple.com/token', 'https://auth.example.com/%zz']
    }

    def "the highest port is a port"() {
        expect:
        connection(workspace, 'https://auth.example.com:65535/token', 'acme', 's3cret', 'up-rt-1').startsWith('conn_')
    }
}
