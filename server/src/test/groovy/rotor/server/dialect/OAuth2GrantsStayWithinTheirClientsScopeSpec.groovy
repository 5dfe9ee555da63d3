package rotor.server.dialect

import groovy.json.JsonOutput
import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.server.support.Answer
import rotor.server.support.EmbeddedServerSpecification

/** admin.yaml: a client's scope is "the widest scope grants of this client may carry". */
@MicronautTest(transactional = false)
class OAuth2GrantsStayWithinTheirClientsScopeSpec extends EmbeddedServerSpecification {

    @Inject
    @Client('/')
    HttpClient http

    def "a grant asking for #scope of a client registered for 'read write' answers #status"() {
        given:
        def clientId = register([client_name: 'billing', scope: 'read write'])

        when:
        def answer = admin('/admin/v1/grants', [dialect: 'oauth2', subject: 'm', client_id: clientId] + (scope == null ? [:] : [scope: scope]))

        then:
        answer.status == status
        status == 201 ? answer.json.scope == scope : answer.json.violations*.field == ['scope']

        where:
        scope                        | status
        'admin read write superuser' | 422
        'admin'                      | 422
        'read'                       | 201
        'write read'                 | 201
        null                         | 201
    }

    def "a client registered without a scope places no limit on its grants' scope"() {
        given:
        def clientId = register([client_name: 'unlimited'])

        expect:
        admin('/admin/v1/grants', [dialect: 'oauth2', subject: 'm', client_id: clientId, scope: 'anything at all']).status == 201
    }

    private String register(Map client) {
        def answer = admin('/admin/v1/clients', client)
        assert answer.status == 201
        answer.json.client_id
    }

    private Answer admin(String path, Map body) {
        Answer.to(http, HttpRequest.POST(path, JsonOutput.toJson(body)).bearerAuth(ADMIN_TOKEN).contentType('application/json'))
    }
}
