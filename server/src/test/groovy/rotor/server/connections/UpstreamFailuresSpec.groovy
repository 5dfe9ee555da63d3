package rotor.server.connections

import io.micronaut.context.annotation.Property
import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import rotor.client.micronaut.admin.model.ClientAuthMethod
import rotor.client.micronaut.admin.model.ConnectionStatus
import rotor.client.micronaut.mielto.model.HTTPError
import rotor.server.support.ConnectionSpecification

/**
 * A stub upstream (a real HTTP server on 127.0.0.1) that fails, hangs, refuses and rotates: the
 * stored credential survives every failure, and the next refresh presents it unchanged.
 */
@MicronautTest(transactional = false)
@Property(name = 'rotor.connections.reuse-window', value = '0s')
@Property(name = 'rotor.connections.read-timeout', value = '1s')
class UpstreamFailuresSpec extends ConnectionSpecification {

    def "a 503 answers 502, leaves the credential as it was, and the next refresh succeeds with it"() {
        given:
        def id = connection(workspace, upstream.tokenUrl, 'acme', 's3cret', 'up-rt-1')
        upstream.answers(503, '{"error":"temporarily_unavailable"}')

        when:
        refresh(id)

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 502
        errorBody(e, HTTPError).detail == 'Upstream token endpoint failed'

        when:
        upstream.issues('up-at-2', 'up-rt-2')
        def response = refresh(id)

        then:
        response.status.code == 200
        upstream.received*.form*.refresh_token == ['up-rt-1', 'up-rt-1']
        upstream.received.every { it.form.grant_type == 'refresh_token' }
    }

    def "a 200 whose access_token is #what answers 502 and leaves the credential as it was (RFC 6749 section 5.1 requires one)"() {
        given:
        def id = connection(workspace, upstream.tokenUrl, 'acme', 's3cret', 'up-rt-1')
        upstream.answers(200, body)

        when:
        refresh(id)

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 502
        presentsAfterwards(id) == 'up-rt-1'

        where:
        what       | body
        'empty'    | '{"access_token":"","token_type":"Bearer","refresh_token":"up-rt-x"}'
        'missing'  | '{"token_type":"Bearer","refresh_token":"up-rt-x"}'
        'a number' | '{"access_token":7,"token_type":"Bearer"}'
    }

    def "a hung upstream answers 502 once the read timeout passes, credential unchanged"() {
        given:
        def id = connection(workspace, upstream.tokenUrl, 'acme', 's3cret', 'up-rt-1')
        upstream.hangs()

        when:
        refresh(id)

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 502

        when:
        upstream.issues('up-at-2', 'up-rt-2')
        refresh(id)

        then:
        upstream.received*.form*.refresh_token == ['up-rt-1', 'up-rt-1']
    }

    def "an unreachable upstream answers 502"() {
        given:
        def closed = new ServerSocket(0).withCloseable { it.localPort }
        def id = connection(workspace, "http://127.0.0.1:${closed}/token", 'acme', 's3cret', 'up-rt-1')

        when:
        refresh(id)

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 502
    }

    def "invalid_grant answers 409, marks the connection expired, and asks the upstream nothing more"() {
        given:
        def id = connection(workspace, upstream.tokenUrl, 'acme', 's3cret', 'up-rt-1')
        upstream.answers(400, '{"error":"invalid_grant","error_description":"revoked"}')

        when:
        refresh(id)

        then:
        def e = thrown(HttpClientResponseException)
        e.status.code == 409
        errorBody(e, HTTPError).detail == 'Connection requires re-authorization'
        asAdmin { connectionsApi.getConnection(id) }.body().status == ConnectionStatus.EXPIRED

        when:
        refresh(id)

        then:
        def again = thrown(HttpClientResponseException)
        again.status.code == 409
        upstream.received.size() == 1
    }

    def "a rotated refresh token replaces the stored one; an omitted one keeps it (RFC 6749 section 6)"() {
        given:
        def id = connection(workspace, upstream.tokenUrl, 'acme', 's3cret', 'up-rt-1')

        when:
        upstream.issues('up-at-2', 'up-rt-2')
        refresh(id)
        upstream.issues('up-at-3', null, null)
        def kept = refresh(id)
        refresh(id)

        then:
        upstream.received*.form*.refresh_token == ['up-rt-1', 'up-rt-2', 'up-rt-2']
        kept.status.code == 200
    }

    def "the client authenticates with HTTP Basic by default, with form fields when so configured"() {
        given:
        def basic = connection(workspace, upstream.tokenUrl, 'acme id', 's3cret:x', 'up-rt-1')
        def post = connection(workspace, upstream.tokenUrl, 'acme', 's3cret', 'up-rt-1', ClientAuthMethod.POST)
        upstream.issues('at', 'rt')

        when:
        refresh(basic)
        refresh(post)

        then: "Basic carries the id and secret form-urlencoded, then base64 (RFC 6749 section 2.3.1)"
        upstream.received[0].authorization == 'Basic ' + 'acme+id:s3cret%3Ax'.bytes.encodeBase64().toString()
        upstream.received[0].form.client_secret == null
        upstream.received[1].authorization == null
        upstream.received[1].form.client_id == 'acme'
        upstream.received[1].form.client_secret == 's3cret'
    }
}
