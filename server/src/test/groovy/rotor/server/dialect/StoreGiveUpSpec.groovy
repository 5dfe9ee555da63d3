package rotor.server.dialect

import groovy.json.JsonSlurper
import io.micronaut.context.annotation.Property
import io.micronaut.core.type.Argument
import io.micronaut.http.HttpRequest
import io.micronaut.http.HttpResponse
import io.micronaut.http.MediaType
import io.micronaut.http.MutableHttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.client.micronaut.admin.ApiKeysApi
import rotor.client.micronaut.admin.ClientsApi
import rotor.client.micronaut.admin.ConnectionsApi
import rotor.client.micronaut.admin.GrantsApi
import rotor.server.dialect.session.SessionRefreshTokens
import rotor.server.engine.RefreshTokenFormat
import rotor.server.support.AdminFixtures
import rotor.server.support.CapturedLog
import rotor.server.support.EmbeddedServerSpecification

import java.time.Instant

/**
 * The store giving up after its retries (the engine's INTERNAL outcome, not an exception) is each
 * dialect's 500 body, logged once under a correlation id, with no token on the wire or in the log.
 */
@MicronautTest(transactional = false)
@Property(name = 'spec.store-contended', value = 'true')
class StoreGiveUpSpec extends EmbeddedServerSpecification implements AdminFixtures {

    static final String TOKEN = 'rtr_' + 'C' * 43

    @Inject ClientsApi clientsApi
    @Inject ApiKeysApi apiKeysApi
    @Inject ConnectionsApi connectionsApi
    @Inject GrantsApi grantsApi
    @Inject SessionRefreshTokens sessionTokens

    @Inject
    @Client('/')
    HttpClient http

    def "#dialect answers the store's give-up with its 500 body and one log line"() {
        given:
        def presented = dialect == 'session' ? sessionToken() : TOKEN
        def request = request(dialect, presented)
        def log = new CapturedLog()

        when:
        HttpResponse<String> response = send(request)
        def text = response.getBody(String).orElse('')
        def internalErrors = log.lines(InternalErrors.name)
        def correlationId = (internalErrors[0] =~ /correlation_id=([0-9a-f-]{36})/)[0][1]

        then: "the dialect's 500 body, naming the log line where the dialect has a correlation id"
        response.status.code == 500
        new JsonSlurper().parseText(text) == body(correlationId)
        response.header('Cache-Control') == (noStore ? 'no-store' : null)
        response.header('X-Correlation-Id') == (dialect == 'session' ? correlationId : null)

        and: 'one log line, and no token anywhere'
        internalErrors.size() == 1
        internalErrors[0].startsWith("${dialect}: internal error, correlation_id=")
        internalErrors[0].contains('the store kept failing')
        log.lines().every { !it.contains(presented) }
        !text.contains(presented)

        cleanup:
        log?.close()

        where:
        dialect   | noStore | body
        'dayzero' | false   | { id -> [detail: 'Internal Server Error'] }
        'onboard' | false   | { id -> [code: 'UNKNOWN_ERROR', message: 'Request could not be completed due to an error', data: [correlationId: id]] }
        'partner' | false   | { id -> [error: 'server_error', error_description: 'The server could not complete the request.'] }
        'session' | true    | { id -> [data: null, code: 50000, msg: 'internal server error', correlation_id: id] }
        'oauth2'  | false   | { id -> [error: 'server_error', error_description: 'The server could not complete the request.'] }
    }

    private MutableHttpRequest<?> request(String dialect, String presented) {
        switch (dialect) {
            case 'dayzero':
                return HttpRequest.POST('/api/v1/oauth2/refresh', '').bearerAuth(presented).header('x-business-id', UUID.randomUUID().toString())
            case 'onboard':
                return HttpRequest.POST('/auth/oauth/refresh-token', '').header('x-auth-token', presented)
            case 'partner':
                return HttpRequest.POST('/v1/auth/token', [refreshToken: presented]).header('partnerId', '5').header('grantType', 'refresh_token')
            case 'session':
                return HttpRequest.POST('/session/token/refresh', [refresh_token: presented])
            default:
                def client = registerClient()
                return HttpRequest.POST('/oauth2/token', "grant_type=refresh_token&refresh_token=${presented}".toString())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        .basicAuth(client.clientId, client.clientSecret)
        }
    }

    private HttpResponse<String> send(MutableHttpRequest<?> request) {
        try {
            http.toBlocking().exchange(request, Argument.of(String), Argument.of(String))
        } catch (HttpClientResponseException e) {
            e.response as HttpResponse<String>
        }
    }

    /** A well-formed session refresh JWT (signed with the server's key), so that the refresh reaches the store. */
    private String sessionToken() {
        sessionTokens.mint(new RefreshTokenFormat.NewToken('someone', Instant.now(), Instant.now().plusSeconds(3600)))
    }
}
