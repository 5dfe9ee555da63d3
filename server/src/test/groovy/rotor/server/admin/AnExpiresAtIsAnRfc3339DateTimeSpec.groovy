package rotor.server.admin

import io.micronaut.http.HttpRequest
import io.micronaut.http.client.HttpClient
import io.micronaut.http.client.annotation.Client
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import jakarta.inject.Inject
import rotor.server.support.Answer
import rotor.server.support.EmbeddedServerSpecification

import java.time.OffsetDateTime

/**
 * admin.yaml's expires_at is a date-time (RFC 3339 section 5.6): a four-digit year, seconds, and
 * an offset of hours and minutes. Java's parser also takes ISO 8601's extended years: +999999999-12-31
 * was stored, answered 201, and read back as the year -169108099.
 */
@MicronautTest(transactional = false)
class AnExpiresAtIsAnRfc3339DateTimeSpec extends EmbeddedServerSpecification {

    @Inject
    @Client('/')
    HttpClient http

    def "an expires_at of #value answers 422 validation_failed on expires_at"() {
        when:
        def answer = create(value)

        then:
        answer.status == 422
        answer.json.error == 'validation_failed'
        answer.json.violations*.field == ['expires_at']

        where:
        value << ['+999999999-12-31T23:59:59Z', '-999999999-01-01T00:00:00Z', '+10000-01-01T00:00:00Z', '+2030-01-01T00:00:00Z',
                  '2030-01-01T00:00Z', '2030-01-01T00:00:00+02:00:30', '2030-01-01T00:00:00+0200', ' 2030-01-01T00:00:00Z']
    }

    def "an expires_at of #value is stored and read back as that instant"() {
        when:
        def created = create(value)
        def read = Answer.to(http, HttpRequest.GET("/admin/v1/connections/${created.json.connection_id}").bearerAuth(ADMIN_TOKEN))

        then:
        created.status == 201
        read.status == 200
        OffsetDateTime.parse(read.json.expires_at as String).toInstant() == OffsetDateTime.parse(value).toInstant()

        where:
        value << ['9999-12-31T23:59:59Z', '2030-01-01t00:00:00z', '2030-01-01T00:00:00-05:30', '2030-06-01T12:00:00.5Z']
    }

    private Answer create(String expiresAt) {
        def body = '{"workspace_id":"ws_dates","token_url":"https://auth.example.com/token","client_id":"acme",' +
                "\"client_secret\":\"s3cret\",\"refresh_token\":\"up-rt-1\",\"expires_at\":\"${expiresAt}\"}"
        Answer.to(http, HttpRequest.POST('/admin/v1/connections', body).bearerAuth(ADMIN_TOKEN).contentType('application/json'))
    }
}
