package rotor.server.dialect

import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.client.micronaut.Credential
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.Dialect as WireDialect
import rotor.server.engine.Dialect
import rotor.server.engine.RefreshRequest
import rotor.server.engine.TokenEngine
import rotor.server.support.EmbeddedServerSpecification

import java.time.Instant

/** The admin's view of a grant pages its token chain by generation; a grace re-issue's twin shares its page. */
@MicronautTest(transactional = false)
@Property(name = 'rotor.dialects.onboard.grace-period', value = '30s')
class AdminPagesTheTokenChainSpec extends EmbeddedServerSpecification {

    @Inject
    GrantsApi admin

    @Inject
    TokenEngine engine

    @Inject
    @Client('/')
    HttpClient http

    def "pages of two generations, the re-issued generation whole on one page, then no next page"() {
        given: "generations 1 to 4, and generation 2 re-issued once (a lost response retried)"
        def grant = issue(admin, WireDialect.ONBOARD)
        def first = grant.refreshToken
        def second = engine.refresh(RefreshRequest.of(Dialect.ONBOARD, null, first), Instant.now()).tokens().refreshToken()
        def secondAgain = engine.refresh(RefreshRequest.of(Dialect.ONBOARD, null, first), Instant.now()).tokens().refreshToken()
        def third = engine.refresh(RefreshRequest.of(Dialect.ONBOARD, null, secondAgain), Instant.now()).tokens().refreshToken()
        engine.refresh(RefreshRequest.of(Dialect.ONBOARD, null, third), Instant.now())

        when:
        def pages = [0, 2, 4].collect { after -> withCredential(Credential.bearer(ADMIN_TOKEN)) { admin.getGrant(grant.grantId, after, 2) }.body() }

        then:
        second != secondAgain
        pages[0].tokens*.generation == [1, 2, 2]
        pages[0].nextTokensAfter == 2
        pages[1].tokens*.generation == [3, 4]
        pages[1].nextTokensAfter == null
        pages[2].tokens == []
        pages[2].nextTokensAfter == null
    }

    def "a page that ends past the last int32 generation is empty and the last: no next_tokens_after that wrapped below 0"() {
        given:
        def grant = issue(admin, WireDialect.ONBOARD)

        when:
        def page = withCredential(Credential.bearer(ADMIN_TOKEN)) { admin.getGrant(grant.grantId, Integer.MAX_VALUE - 600, 1000) }.body()

        then:
        page.tokens == []
        page.nextTokensAfter == null
    }

    def "#query is a #status #error naming the parameter as the contract does"() {
        when: "the raw request: the generated client would refuse to send it"
        http.toBlocking().exchange(HttpRequest.GET("/admin/v1/grants/${UUID.randomUUID()}?${query}").bearerAuth(ADMIN_TOKEN), Map)

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == status
        def body = e.response.getBody(Map).get()
        body.error == error
        status == 422 ? body.violations*.field == [parameter] : body.message.contains(parameter)

        where:
        query               || status | error               | parameter
        'tokens_limit=0'    || 422    | 'validation_failed' | 'tokens_limit'
        'tokens_limit=1001' || 422    | 'validation_failed' | 'tokens_limit'
        'tokens_after=-1'   || 422    | 'validation_failed' | 'tokens_after'
        'tokens_limit=many' || 400    | 'invalid_request'   | 'tokens_limit'
        'tokens_after=x'    || 400    | 'invalid_request'   | 'tokens_after'
    }
}
