package rotor.server.retention

import groovy.sql.Sql
import io.micronaut.context.ApplicationContext
import rotor.server.engine.Dialect
import rotor.server.engine.GrantRequest
import rotor.server.engine.TokenEngine
import rotor.server.support.Store
import spock.lang.AutoCleanup
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.time.Duration
import java.time.Instant

/**
 * rotor.retention.enabled takes every on/off word the README documents: off, no and n turn the
 * schedule off as false does. Only "false" did, and ROTOR_RETENTION_ENABLED=off still deleted.
 */
class RetentionSwitchedOffRunsNothingSpec extends Specification {

    @TempDir
    Path dir

    @AutoCleanup
    ApplicationContext context

    def "with rotor.retention.enabled = #value a scheduled run #does a grant that ended a day ago"() {
        given:
        context = Store.h2Context(dir, ['rotor.retention.enabled': value, 'rotor.dialects.onboard.refresh-token-lifetime': '10m',
                                        'rotor.retention.ended-grants': '5m'])
        context.getBean(TokenEngine).issue(new GrantRequest(Dialect.ONBOARD, 'ended', null, null, null), Instant.now() - Duration.ofDays(1))

        when:
        context.getBean(RetentionSchedule).run()

        then:
        grants() == left

        where:
        value   | left | does
        'off'   | 1    | 'keeps'
        'no'    | 1    | 'keeps'
        'n'     | 1    | 'keeps'
        'false' | 1    | 'keeps'
        'on'    | 0    | 'deletes'
        'true'  | 0    | 'deletes'
    }

    private long grants() {
        def setting = { String key -> context.getProperty("datasources.default.${key}", String).orElse('') }
        Sql.newInstance(setting('url'), setting('username'), setting('password')).withCloseable { sql ->
            sql.firstRow('SELECT COUNT(*) AS n FROM token_grant').n as long
        }
    }
}
