package rotor.cluster

import groovy.json.JsonSlurper
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.time.Duration

/**
 * Issue 13: with ROTOR_LOG_FORMAT=json every line rotor writes is one JSON object; the lines
 * logged while a request is handled carry its request id (one id per request, also on a line
 * logged on the blocking thread); no line holds a token, client secret or the admin token.
 */
class JsonLogsCarryTheRequestIdAndNoSecretSpec extends Specification {

    static final String UUID_PATTERN = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/

    @TempDir Path dir
    RotorProcess rotor

    def cleanup() {
        rotor?.close()
    }

    def "a grant, a refresh and a replay, logged as JSON"() {
        given:
        rotor = RotorProcess.startOnItsOwnStore(dir, [ROTOR_LOG_FORMAT: 'json'])
        def token = Calls.issue(rotor, 'json-log-subject')
        def refreshed = Calls.refresh(rotor, token)
        def replayed = Calls.refresh(rotor, token)

        when: "rotor stops, so that everything it logged is written"
        rotor.terminate()
        def exitCode = rotor.exitCode(Duration.ofSeconds(30))
        def lines = rotor.log.toFile().readLines().findAll { !it.isBlank() }
        def entries = lines.collect { new JsonSlurper().parseText(it) as Map }

        then:
        refreshed.status == 200
        replayed.status == 403
        exitCode.isPresent()
        lines.size() > 10
        entries.every { it.level && it.loggerName && it.formattedMessage != null && it.timestamp }

        and: "one request line for each of the three requests, each under an id of its own"
        def requests = entries.findAll { it.loggerName == 'rotor.server.ops.RequestLog' && !(it.formattedMessage as String).startsWith('GET /health') }
        requests*.formattedMessage.collect { (it as String).replaceAll(/ \d+\.\dms$/, '') } ==
                ['POST /admin/v1/grants 201', 'POST /auth/oauth/refresh-token 200', 'POST /auth/oauth/refresh-token 403']
        requests.every { it.mdc.request_id ==~ UUID_PATTERN }
        requests*.mdc*.request_id.unique().size() == 3

        and: "the engine's reuse warning, logged on a worker thread, carries the id of the replay's request"
        def reuse = entries.find { (it.formattedMessage as String).startsWith('Refresh token reuse detected') }
        reuse.mdc.request_id == requests[2].mdc.request_id

        and: "no line carries a secret"
        [token, refreshed.refreshToken, refreshed.accessToken, RotorProcess.ADMIN_TOKEN].every { secret -> lines.every { !it.contains(secret) } }
        lines.every { !it.contains('rtr_') }
    }
}
