package rotor.server.connections

import io.micronaut.http.client.exceptions.HttpClientResponseException
import io.micronaut.test.extensions.spock.annotation.MicronautTest
import rotor.server.ops.RequestLog
import rotor.server.ops.logging.RequestIds
import rotor.server.support.CapturedLog
import rotor.server.support.ConnectionSpecification

/**
 * README: every line logged while a request is handled, on whichever thread, carries its
 * request_id. The upstream call runs on a thread of its own (so that its time budget bounds the
 * wait), and what it logs there belongs to the refresh that made it.
 */
@MicronautTest(transactional = false)
class UpstreamCallLinesCarryTheRequestIdSpec extends ConnectionSpecification {

    def "the upstream call's warning carries the request_id of the refresh's own request line"() {
        given:
        def id = connection(workspace, upstream.tokenUrl, 'acme', 's3cret', 'up-rt-1')
        upstream.answers(401, '{"error":"invalid_client"}')
        def log = new CapturedLog()

        when:
        refresh(id)

        then:
        thrown(HttpClientResponseException)

        when:
        def warning = log.mdcs(UpstreamTokenEndpoint.name)
        def refreshLine = log.lines(RequestLog.name).findIndexOf { it.startsWith("POST /api/v1/oauth/refresh/${id} ") }
        def requestLine = log.mdcs(RequestLog.name)[refreshLine]
        log.close()

        then:
        warning.size() == 1
        refreshLine >= 0
        warning[0][RequestIds.MDC_KEY] != null
        warning[0][RequestIds.MDC_KEY] == requestLine[RequestIds.MDC_KEY]
    }
}
