package rotor.server.dialect

import io.micronaut.context.annotation.Property
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject

import rotor.client.micronaut.Credential
import rotor.client.micronaut.dayzero.OauthApi
import rotor.client.micronaut.dayzero.model.HTTPError
import rotor.client.micronaut.onboard.AuthOauthApi
import rotor.client.micronaut.onboard.model.ErrorMessageDto
import rotor.client.micronaut.partner.AuthApi
import rotor.client.micronaut.partner.model.ErrorResponse
import rotor.client.micronaut.partner.model.ErrorResponseError
import rotor.client.micronaut.partner.model.RefreshTokenRequest as PartnerRequest
import rotor.client.micronaut.session.SessionTokenApi
import rotor.client.micronaut.session.model.RefreshTokenRequest as SessionRequest
import rotor.client.micronaut.session.model.Response
import rotor.server.dialect.session.SessionRefreshTokens
import rotor.server.engine.RefreshTokenFormat
import rotor.server.support.CapturedLog
import rotor.server.support.EmbeddedServerSpecification

import java.time.Instant

/**
 * An outage of the store becomes each dialect's 500 body: no stack trace on the wire, no
 * token on the wire or in the log, and where the dialect has one, a correlation id that names the
 * log line.
 */
@MicronautTest(transactional = false)
@Property(name = 'spec.store-unreachable', value = 'true')
class InternalErrorsSpec extends EmbeddedServerSpecification {

    static final String TOKEN = 'rtr_' + 'S' * 43

    @Inject OauthApi dayzero
    @Inject AuthOauthApi onboard
    @Inject AuthApi partner
    @Inject SessionTokenApi session
    @Inject SessionRefreshTokens sessionTokens

    def "#dialect answers an outage with its 500 body and logs it without the token"() {
        given:
        def log = new CapturedLog()

        def presented = dialect == 'session' ? sessionToken() : TOKEN

        when:
        refresh(dialect, presented)

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 500
        def text = e.response.getBody(String).orElse('')
        !text.contains(presented)
        !text.contains('IllegalStateException') && !text.contains('unreachable') && !text.contains('\tat ')
        hasDialectBody(dialect, e)

        and:
        def logged = log.lines()
        logged.any { it.contains('internal error') && it.contains('the store is unreachable') }
        logged.every { !it.contains(presented) }

        cleanup:
        log?.close()

        where:
        dialect << ['dayzero', 'onboard', 'partner', 'session']
    }

    /** A well-formed session refresh JWT (signed with the server's key), so that the refresh reaches the store. */
    private String sessionToken() {
        sessionTokens.mint(new RefreshTokenFormat.NewToken('someone', Instant.now(), Instant.now().plusSeconds(3600)))
    }

    private void refresh(String dialect, String presented) {
        switch (dialect) {
            case 'dayzero': withCredential(Credential.bearer(TOKEN)) { dayzero.refreshTokenApiV1Oauth2RefreshPost(UUID.randomUUID()) }; break
            case 'onboard': withCredential(Credential.header('x-auth-token', TOKEN)) { onboard.refreshAccessToken() }; break
            case 'partner': partner.refreshToken(5, 'refresh_token', new PartnerRequest(TOKEN)); break
            default: session.refreshToken(new SessionRequest(presented))
        }
    }

    private static boolean hasDialectBody(String dialect, HttpClientResponseException e) {
        switch (dialect) {
            case 'dayzero':
                return errorBody(e, HTTPError).detail == 'Internal Server Error'
            case 'onboard':
                def onboardError = errorBody(e, ErrorMessageDto)
                return onboardError.code == 'UNKNOWN_ERROR' && onboardError.data.correlationId ==~ /[0-9a-f-]{36}/
            case 'partner':
                return errorBody(e, ErrorResponse).error == ErrorResponseError.SERVER_ERROR
            default:
                def envelope = errorBody(e, Response)
                return envelope.code == 50000 && envelope.data == null && envelope.error == null &&
                        e.response.header('X-Correlation-Id') == envelope.correlationId.toString()
        }
    }
}
