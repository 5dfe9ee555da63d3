package rotor.server.dialect

import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.client.micronaut.Credential
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.Dialect
import rotor.client.micronaut.dayzero.OauthApi
import rotor.server.ops.RequestLog
import rotor.server.support.CapturedLog
import rotor.server.support.EmbeddedServerSpecification

@MicronautTest(transactional = false)
class RequestLogSpec extends EmbeddedServerSpecification {

    @Inject GrantsApi admin
    @Inject OauthApi dayzero

    def "every request logs one line with method, path, status and latency, and no log line holds a token"() {
        given:
        def business = UUID.randomUUID()
        def grant = issue(admin, Dialect.DAYZERO, business.toString())
        def log = new CapturedLog()

        when:
        def fresh = withCredential(Credential.bearer(grant.refreshToken)) { dayzero.refreshTokenApiV1Oauth2RefreshPost(business) }.body()
        withCredential(Credential.bearer(grant.refreshToken)) { dayzero.refreshTokenApiV1Oauth2RefreshPost(business) }

        then:
        thrown(HttpClientResponseException)
        def requests = log.lines(RequestLog.name)
        requests.size() == 2
        requests[0] ==~ /POST \/api\/v1\/oauth2\/refresh 200 \d+\.\dms/
        requests[1] ==~ /POST \/api\/v1\/oauth2\/refresh 401 \d+\.\dms/
        def secrets = [grant.refreshToken, grant.accessToken, fresh.refreshToken, fresh.accessToken]
        log.lines().every { line -> secrets.every { !line.contains(it) } }

        cleanup:
        log?.close()
    }
}
