package rotor.server.dialect.oauth2

import groovy.json.JsonSlurper
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.client.micronaut.admin.ApiKeysApi
import rotor.client.micronaut.admin.ClientsApi
import rotor.client.micronaut.admin.ConnectionsApi
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.RegisteredClient
import rotor.server.support.AdminFixtures
import rotor.server.support.EmbeddedServerSpecification

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

/**
 * RFC 6749 section 3.1: "Parameters sent without a value MUST be treated as if they were omitted
 * from the request." An empty token_type_hint is no hint (the token is revoked), and an empty
 * token is a missing one (400 invalid_request), on revocation and introspection alike. So is an
 * empty grant_type on the token endpoint, which was unsupported_grant_type, and an empty scope is
 * the grant's whole scope, as without one.
 */
@MicronautTest(transactional = false)
class EmptyParametersAreOmittedSpec extends EmbeddedServerSpecification implements AdminFixtures {

    @Inject ClientsApi clientsApi
    @Inject GrantsApi grantsApi
    @Inject ApiKeysApi apiKeysApi
    @Inject ConnectionsApi connectionsApi

    def "revoking with an empty token_type_hint revokes the token as without one"() {
        given:
        def client = registerClient()
        def grant = oauth2Grant(client)

        when:
        def revoked = post('/oauth2/revoke', client, "token=${grant.refreshToken}&token_type_hint=")

        then:
        revoked.statusCode() == 200
        asAdmin { grantsApi.getGrant(grant.grantId, null, null) }.body().status.toString() == 'revoked'
    }

    def "#path with an empty token answers as without one: 400 invalid_request"() {
        given:
        def client = registerClient()

        when:
        def empty = post(path, client, 'token=')
        def omitted = post(path, client, 'token_type_hint=refresh_token')

        then:
        empty.statusCode() == 400
        new JsonSlurper().parseText(empty.body()) == new JsonSlurper().parseText(omitted.body())

        where:
        path << ['/oauth2/revoke', '/oauth2/introspect']
    }

    def "the token endpoint with an empty grant_type answers as without one: 400 invalid_request, and the token stays unspent"() {
        given:
        def client = registerClient()
        def grant = oauth2Grant(client)

        when:
        def empty = post('/oauth2/token', client, "grant_type=&refresh_token=${grant.refreshToken}")
        def omitted = post('/oauth2/token', client, "refresh_token=${grant.refreshToken}")

        then:
        empty.statusCode() == 400
        new JsonSlurper().parseText(empty.body()).error == 'invalid_request'
        new JsonSlurper().parseText(empty.body()) == new JsonSlurper().parseText(omitted.body())

        and:
        post('/oauth2/token', client, "grant_type=refresh_token&refresh_token=${grant.refreshToken}").statusCode() == 200
    }

    def "the token endpoint with an empty scope grants the whole scope, as without one"() {
        given:
        def client = registerClient('read write')
        def grant = oauth2Grant(client, 'read write')

        when:
        def answer = post('/oauth2/token', client, "grant_type=refresh_token&refresh_token=${grant.refreshToken}&scope=")

        then:
        answer.statusCode() == 200
        new JsonSlurper().parseText(answer.body()).scope == 'read write'
    }

    private HttpResponse<String> post(String path, RegisteredClient client, String form) {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:${port}${path}"))
                .header('Content-Type', 'application/x-www-form-urlencoded')
                .header('Authorization', 'Basic ' + "${client.clientId}:${client.clientSecret}".bytes.encodeBase64())
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString())
    }
}
