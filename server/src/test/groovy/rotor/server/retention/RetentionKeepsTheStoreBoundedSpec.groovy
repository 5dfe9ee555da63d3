package rotor.server.retention

import groovy.sql.Sql
import io.micronaut.context.ApplicationContext
import rotor.server.engine.Dialect
import rotor.server.engine.GrantRequest
import rotor.server.engine.IssuedTokens
import rotor.server.engine.RefreshRequest
import rotor.server.engine.TokenEngine
import rotor.server.support.Store
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.time.Duration
import java.time.Instant

import static rotor.server.engine.RefreshOutcome.Status.OK
import static rotor.server.engine.RefreshOutcome.Status.REUSED

/**
 * A soak on a clock the spec moves: 20 clients refresh every simulated minute for 3 hours, log in
 * again when their 10-minute grants end, and now and then replay a spent token. With retention
 * running every minute, the row count of every table stops growing, while every refresh of a live
 * chain succeeds and every replay is detected.
 */
class RetentionKeepsTheStoreBoundedSpec extends Specification {

    static final Instant T0 = Instant.parse('2031-01-01T00:00:00Z')
    static final int CLIENTS = 20
    static final int MINUTES = 180

    @TempDir
    Path dir

    @AutoCleanup
    ApplicationContext context

    def "rows stop growing while refreshes go on"() {
        given:
        context = Store.h2Context(dir, [
                'rotor.dialects.onboard.refresh-token-lifetime': '10m',
                'rotor.retention.enabled'                      : false,
                'rotor.retention.ended-grants'                 : '5m',
                'rotor.retention.expired-tokens'               : '1m',
                'rotor.retention.history'                      : '30m',
        ])
        def engine = context.getBean(TokenEngine)
        def janitor = context.getBean(Janitor)
        Map<Integer, IssuedTokens> first = [:]
        Map<Integer, String> current = [:]
        Map<Integer, Instant> loggedIn = [:]
        def login = { int c, Instant now ->
            def issued = engine.issue(new GrantRequest(Dialect.ONBOARD, "client-${c}", null, null, null), now)
            first[c] = issued
            current[c] = issued.refreshToken()
            loggedIn[c] = now
        }
        (0..<CLIENTS).each { login(it, T0) }
        List<Map<String, Long>> counts = []
        int refreshes = 0, refused = 0, replays = 0, detected = 0

        when:
        for (int minute = 1; minute <= MINUTES; minute++) {
            def now = T0 + Duration.ofMinutes(minute)
            for (int c = 0; c < CLIENTS; c++) {
                if (loggedIn[c] + Duration.ofMinutes(9) <= now) {
                    login(c, now)
                    continue
                }
                if ((minute + c) % 7 == 0 && current[c] != first[c].refreshToken()) {
                    replays++
                    if (engine.refresh(RefreshRequest.of(Dialect.ONBOARD, null, first[c].refreshToken()), now).status() == REUSED) {
                        detected++
                    }
                    login(c, now)
                    continue
                }
                def outcome = engine.refresh(RefreshRequest.of(Dialect.ONBOARD, null, current[c]), now)
                refreshes++
                if (outcome.status() == OK) {
                    current[c] = outcome.tokens().refreshToken()
                } else {
                    refused++
                }
            }
            def before = rowCounts()
            janitor.run(now)
            counts << rowCounts()
            if (minute % 60 == 0) {
                // For the record (the closing note of the retention work quotes these lines).
                println "retention soak, minute ${minute}: ${refreshes} refreshes so far; rows before this run ${before}, after ${counts[-1]}"
            }
        }

        then: "every table's count in the last hour stays within what it reached in the hour before"
        ['token_grant', 'refresh_token', 'audit_event'].every { table ->
            counts[120..<180]*.get(table).max() <= counts[60..<120]*.get(table).max()
        }
        counts[179].refresh_token < refreshes / 10

        and:
        refreshes > 2000
        refused == 0
        replays > 50
        detected == replays
    }

    private Map<String, Long> rowCounts() {
        def setting = { String key -> context.getProperty("datasources.default.${key}", String).orElse('') }
        def sql = Sql.newInstance(setting('url'), setting('username'), setting('password'))
        try {
            ['token_grant', 'refresh_token', 'audit_event'].collectEntries { [(it): sql.firstRow("SELECT COUNT(*) AS n FROM ${it}".toString()).n as long] }
        } finally {
            sql.close()
        }
    }
}
