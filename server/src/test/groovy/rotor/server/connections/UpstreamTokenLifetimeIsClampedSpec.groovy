package rotor.server.connections

import io.micronaut.context.annotation.Property
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import rotor.server.support.ConnectionSpecification

import java.time.OffsetDateTime

/**
 * An upstream that rotated has spent the old refresh token: whatever expires_in it sends, the new
 * tokens are stored, with the lifetime clamped to 0 .. 10 years.
 */
@MicronautTest(transactional = false)
@Property(name = 'rotor.connections.reuse-window', value = '0s')
class UpstreamTokenLifetimeIsClampedSpec extends ConnectionSpecification {

    def "expires_in #expiresIn answers 200, stores the rotated token, and expires_at lies #where"() {
        given:
        def id = connection(workspace, upstream.tokenUrl, 'acme', 's3cret', 'up-rt-1')
        upstream.answers(200, '{"access_token":"up-at-2","refresh_token":"up-rt-2","expires_in":' + expiresIn + '}')
        def before = OffsetDateTime.now().withNano(0)

        when:
        def response = refresh(id)
        def after = OffsetDateTime.now()
        upstream.issues('up-at-3', 'up-rt-3')
        refresh(id)

        then:
        response.status.code == 200
        !response.body().expiresAt.isBefore(before.plusSeconds(low))
        !response.body().expiresAt.isAfter(after.plusSeconds(high))
        upstream.received*.form*.refresh_token == ['up-rt-1', 'up-rt-2']

        where:
        expiresIn                  | where                     | low           | high
        '99999999999999999999999'  | 'ten years out'           | 315_360_000   | 315_360_000
        '9223372036854775807'      | 'ten years out'           | 315_360_000   | 315_360_000
        '1e300'                    | 'ten years out'           | 315_360_000   | 315_360_000
        '-3600'                    | 'now'                     | 0             | 0
        '3600'                     | 'an hour out'             | 3600          | 3600
    }
}
