package rotor.server.ops

import io.micronaut.context.annotation.Property
import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.client.micronaut.admin.ApiKeysApi
import rotor.client.micronaut.admin.ClientsApi
import rotor.client.micronaut.admin.ConnectionsApi
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.CreateGrantRequest
import rotor.client.micronaut.admin.model.Dialect
import rotor.server.support.EmbeddedServerSpecification
import rotor.server.support.PrometheusScrape
import rotor.server.support.RefreshesOfEveryDialect

/**
 * Issue 13: /prometheus counts each refresh under its dialect and outcome, times it in a latency
 * histogram by dialect, and counts reuse detections, grace re-issues and mielto's upstream calls;
 * the JVM, HTTP server and connection-pool meters are there too.
 */
@MicronautTest(transactional = false)
@Property(name = 'rotor.dialects.session.grace-period', value = '30s')
@Property(name = 'rotor.retention.ended-grants', value = '0s')
class PrometheusCountsRefreshesByDialectAndOutcomeSpec extends EmbeddedServerSpecification implements RefreshesOfEveryDialect {

    @Inject @Client('/') HttpClient http
    @Inject GrantsApi grantsApi
    @Inject ClientsApi clientsApi
    @Inject ApiKeysApi apiKeysApi
    @Inject ConnectionsApi connectionsApi

    def "one refresh of #dialect is one ok in rotor_refreshes_total and one observation in rotor_refresh_seconds"() {
        given:
        def before = scrape()

        when:
        refreshOnce(dialect)
        def after = scrape()

        then:
        after.value('rotor_refreshes_total', [dialect: dialect, outcome: 'ok']) - before.value('rotor_refreshes_total', [dialect: dialect, outcome: 'ok']) == 1
        after.value('rotor_refresh_seconds_count', [dialect: dialect]) - before.value('rotor_refresh_seconds_count', [dialect: dialect]) == 1
        after.value('rotor_refresh_seconds_sum', [dialect: dialect]) > before.value('rotor_refresh_seconds_sum', [dialect: dialect])

        and: "a histogram with buckets, the last of which holds every observation"
        after.samples.count { it.name == 'rotor_refresh_seconds_bucket' && it.labels.dialect == dialect } > 10
        after.value('rotor_refresh_seconds_bucket', [dialect: dialect, le: '+Inf']) == after.value('rotor_refresh_seconds_count', [dialect: dialect])

        where:
        dialect << DIALECTS
    }

    def "mielto's connection refresh counts one successful upstream call"() {
        given:
        def before = scrape()

        when:
        refreshOnce('mielto')
        def after = scrape()

        then:
        after.value('rotor_mielto_upstream_calls_total', [result: 'ok']) - before.value('rotor_mielto_upstream_calls_total', [result: 'ok']) == 1
        after.value('rotor_mielto_upstream_calls_total', [result: 'failed']) == before.value('rotor_mielto_upstream_calls_total', [result: 'failed'])
    }

    def "refusals count under their own outcome: #outcome"() {
        given:
        def before = scrape()

        when:
        def status = statusOf(request.call(this))
        def after = scrape()

        then:
        status == expectedStatus
        after.value('rotor_refreshes_total', [dialect: dialect, outcome: outcome]) - before.value('rotor_refreshes_total', [dialect: dialect, outcome: outcome]) == 1
        after.value('rotor_refreshes_total', [dialect: dialect, outcome: 'ok']) == before.value('rotor_refreshes_total', [dialect: dialect, outcome: 'ok'])

        where:
        dialect   | outcome           | expectedStatus | request
        'onboard' | 'missing'         | 401            | { s -> HttpRequest.POST('/auth/oauth/refresh-token', '') }
        'onboard' | 'malformed_token' | 400            | { s -> HttpRequest.POST('/auth/oauth/refresh-token', '').header('x-auth-token', 'not a token') }
        'session' | 'malformed_token' | 400            | { s -> HttpRequest.POST('/session/token/refresh', [refresh_token: 'not a token']) }
        'dayzero' | 'missing'         | 401            | { s -> HttpRequest.POST('/api/v1/oauth2/refresh', '').header('x-business-id', UUID.randomUUID().toString()) }
        'onboard' | 'revoked'         | 403            | { s -> HttpRequest.POST('/auth/oauth/refresh-token', '').header('x-auth-token', s.revokedToken()) }
    }

    def "a spent token presented again is reused, and counts one reuse detection"() {
        given:
        def grant = grantOf(Dialect.ONBOARD, null)
        def refresh = HttpRequest.POST('/auth/oauth/refresh-token', '').header('x-auth-token', grant.refreshToken)
        assert statusOf(refresh) == 200
        def before = scrape()

        when:
        def replay = statusOf(HttpRequest.POST('/auth/oauth/refresh-token', '').header('x-auth-token', grant.refreshToken))
        def after = scrape()

        then:
        replay == 403
        after.value('rotor_refreshes_total', [dialect: 'onboard', outcome: 'reused']) - before.value('rotor_refreshes_total', [dialect: 'onboard', outcome: 'reused']) == 1
        after.value('rotor_reuse_detections_total') - before.value('rotor_reuse_detections_total') == 1
        after.value('rotor_grace_reissues_total') == before.value('rotor_grace_reissues_total')
    }

    def "a session token replayed inside its grace period counts one grace re-issue, not a reuse"() {
        given:
        def grant = grantOf(Dialect.SESSION, null)
        assert statusOf(HttpRequest.POST('/session/token/refresh', [refresh_token: grant.refreshToken])) == 200
        def before = scrape()

        when:
        def replay = http.toBlocking().exchange(HttpRequest.POST('/session/token/refresh', [refresh_token: grant.refreshToken]), Map)
        def after = scrape()

        then:
        replay.body().code == 0
        after.value('rotor_grace_reissues_total') - before.value('rotor_grace_reissues_total') == 1
        after.value('rotor_reuse_detections_total') == before.value('rotor_reuse_detections_total')
        after.value('rotor_refreshes_total', [dialect: 'session', outcome: 'ok']) - before.value('rotor_refreshes_total', [dialect: 'session', outcome: 'ok']) == 1
    }

    def "the JVM, HTTP server and connection-pool meters are there"() {
        when:
        def scrape = scrape()

        then:
        scrape.has('jvm_memory_used_bytes')
        scrape.has('jvm_threads_live_threads')
        scrape.has('process_cpu_usage')
        scrape.has('http_server_requests_seconds_count')
        scrape.has('hikaricp_connections_active')
        scrape.has('hikaricp_connections_pending')
    }

    def "a retention run counts what it deleted, by kind"() {
        given: "a grant that ended, which retention (ended grants kept 0 s here) may delete with its tokens"
        def ended = grantOf(Dialect.ONBOARD, null)
        asAdmin { grantsApi.revokeGrant(ended.grantId) }
        def before = scrape()

        when:
        def run = http.toBlocking().retrieve(HttpRequest.POST('/admin/v1/retention/run', '').bearerAuth(ADMIN_TOKEN), Map)
        def after = scrape()
        def deleted = { String kind -> after.value('rotor_retention_deletions_total', [kind: kind]) - before.value('rotor_retention_deletions_total', [kind: kind]) }

        then:
        run.ran
        run.grants >= 1
        deleted('grants') == run.grants
        deleted('refresh_tokens') == run.refresh_tokens
        deleted('audit_events') == run.audit_events
    }

    def grantOf(Dialect dialect, String tenant) {
        asAdmin { grantsApi.createGrant(new CreateGrantRequest(dialect, "user-${UUID.randomUUID()}").tenant(tenant)).body() }
    }

    String revokedToken() {
        def grant = grantOf(Dialect.ONBOARD, null)
        asAdmin { grantsApi.revokeGrant(grant.grantId) }
        grant.refreshToken
    }

    private PrometheusScrape scrape() {
        def response = http.toBlocking().exchange(HttpRequest.GET('/prometheus').bearerAuth(ADMIN_TOKEN), String)
        assert response.contentType.orElseThrow().toString().startsWith(PrometheusScrape.CONTENT_TYPE_PREFIX)
        new PrometheusScrape(response.body())
    }

    private int statusOf(HttpRequest<?> request) {
        try {
            http.toBlocking().exchange(request, String).status.code
        } catch (HttpClientResponseException e) {
            e.status.code
        }
    }
}
