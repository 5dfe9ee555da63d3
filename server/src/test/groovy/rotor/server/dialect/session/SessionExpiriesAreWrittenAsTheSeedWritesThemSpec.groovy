package rotor.server.dialect.session

import groovy.json.JsonSlurper
import io.micronaut.json.JsonMapper
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.client.micronaut.admin.GrantsApi
import rotor.client.micronaut.admin.model.Dialect
import rotor.server.api.session.model.Token
import rotor.server.support.EmbeddedServerSpecification

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.OffsetDateTime

/**
 * access_expires and refresh_expires as the seed writes them, 2025-04-26T15:58:28.456762+08:00:
 * six digits of microseconds whatever their value, and a numeric offset (UTC as +00:00, as
 * Python's isoformat() writes it; datetime.fromisoformat before Python 3.11 reads neither "Z" nor
 * five digits).
 */
@MicronautTest(transactional = false)
class SessionExpiriesAreWrittenAsTheSeedWritesThemSpec extends EmbeddedServerSpecification {

    static final def SEED_STYLE = ~/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}[+-]\d\d:\d\d/

    @Inject JsonMapper json
    @Inject GrantsApi admin

    def "#time is written as #written"() {
        when:
        def body = new JsonSlurper().parseText(json.writeValueAsString(new Token('a', OffsetDateTime.parse(time), 'r', OffsetDateTime.parse(time))))

        then:
        body == [access_token: 'a', access_expires: written, refresh_token: 'r', refresh_expires: written]

        where:
        time                                | written
        '2026-12-07T18:00:00Z'              | '2026-12-07T18:00:00.000000+00:00'
        '2026-12-07T18:00:00.283600Z'       | '2026-12-07T18:00:00.283600+00:00'
        '2025-04-26T15:58:28.456762+08:00'  | '2025-04-26T15:58:28.456762+08:00'
        '2026-12-07T18:00:00.1-05:30'       | '2026-12-07T18:00:00.100000-05:30'
    }

    def "a refresh answers both expiries in the seed's style"() {
        given:
        def grant = issue(admin, Dialect.SESSION)
        def request = HttpRequest.newBuilder(URI.create("http://localhost:${port}/session/token/refresh"))
                .header('Content-Type', 'application/json')
                .POST(HttpRequest.BodyPublishers.ofString("{\"refresh_token\":\"${grant.refreshToken}\"}")).build()

        when:
        def answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString())
        def data = new JsonSlurper().parseText(answer.body()).data

        then:
        answer.statusCode() == 200
        data.access_expires ==~ SEED_STYLE
        data.refresh_expires ==~ SEED_STYLE
        data.access_expires.endsWith('+00:00')
        data.keySet() == ['access_token', 'access_expires', 'refresh_token', 'refresh_expires'] as Set
    }
}
