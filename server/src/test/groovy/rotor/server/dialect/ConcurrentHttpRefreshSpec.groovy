package rotor.server.dialect

import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.client.micronaut.Credential
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.Dialect
import rotor.client.micronaut.admin.model.IssuedGrant
import rotor.client.micronaut.dayzero.OauthApi
import rotor.client.micronaut.onboard.AuthOauthApi
import rotor.client.micronaut.partner.AuthApi
import rotor.client.micronaut.partner.model.RefreshTokenRequest as PartnerRequest
import rotor.client.micronaut.session.SessionTokenApi
import rotor.client.micronaut.session.model.RefreshTokenRequest as SessionRequest
import rotor.server.support.EmbeddedServerSpecification
import spock.lang.Shared

import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors

/** 32 clients present one refresh token at the same moment, over HTTP: one 200 per round, never a 5xx. */
@MicronautTest(transactional = false)
class ConcurrentHttpRefreshSpec extends EmbeddedServerSpecification {

    static final int CLIENTS = 32
    static final int ROUNDS = 20

    @Inject GrantsApi admin
    @Inject OauthApi dayzero
    @Inject AuthOauthApi onboard
    @Inject AuthApi partner
    @Inject SessionTokenApi session

    @Shared
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)

    def cleanupSpec() {
        pool.shutdownNow()
    }

    def "32 concurrent refreshes of one #dialect token, 20 rounds: exactly one 200 per round, no 5xx"() {
        given:
        def statuses = []

        when:
        ROUNDS.times {
            def tenant = [(Dialect.DAYZERO): UUID.randomUUID().toString(), (Dialect.PARTNER): '77'][dialect]
            def grant = issue(admin, dialect, tenant)
            def gate = new CountDownLatch(1)
            def calls = (1..CLIENTS).collect {
                pool.submit({
                    gate.await()
                    statusOf { refresh(dialect, grant) }
                } as Callable<Integer>)
            }
            gate.countDown()
            statuses << calls*.get()
        }

        then:
        statuses.every { round -> round.count(200) == 1 }
        statuses.flatten().every { it < 500 }

        where:
        dialect << [Dialect.DAYZERO, Dialect.ONBOARD, Dialect.PARTNER, Dialect.SESSION]
    }

    private void refresh(Dialect dialect, IssuedGrant grant) {
        switch (dialect) {
            case Dialect.DAYZERO:
                withCredential(Credential.bearer(grant.refreshToken)) { dayzero.refreshTokenApiV1Oauth2RefreshPost(UUID.fromString(grant.tenant)) }
                break
            case Dialect.ONBOARD:
                withCredential(Credential.header('x-auth-token', grant.refreshToken)) { onboard.refreshAccessToken() }
                break
            case Dialect.PARTNER:
                partner.refreshToken(Integer.valueOf(grant.tenant), 'refresh_token', new PartnerRequest(grant.refreshToken))
                break
            default:
                session.refreshToken(new SessionRequest(grant.refreshToken))
        }
    }

    private static int statusOf(Closure call) {
        try {
            call()
            200
        } catch (HttpClientResponseException e) {
            e.status.code
        }
    }
}
