package rotor.server.engine

import rotor.server.store.GrantRecord
import rotor.server.store.RefreshTokenRecord
import spock.lang.Specification

import java.time.Duration
import java.time.Instant

import static rotor.server.engine.RefreshOutcome.Status.*
import static rotor.server.engine.RotationRules.ReplayVerdict.GRACE_REISSUE
import static rotor.server.engine.RotationRules.ReplayVerdict.REVOKE_FAMILY

/** The rotation rules as plain tables: no Micronaut context, no database, no clock. */
class RotationRulesSpec extends Specification {

    static final Instant T0 = Instant.parse('2026-11-22T10:00:00Z')
    static final UUID GRANT = UUID.fromString('00000000-0000-0000-0000-000000000001')

    static DialectPolicy policy(Map overrides = [:]) {
        Map p = [access: Duration.ofHours(1), refresh: Duration.ofDays(30), rotation: true, grace: Duration.ZERO,
                 idle: Duration.ZERO, reissues: 1] + overrides
        new DialectPolicy(p.access, p.refresh, p.rotation, p.grace, p.idle, p.reissues, 'dayzero')
    }

    static GrantRecord grant(Map overrides = [:]) {
        Map g = [tenant: 'acme', client: null, expires: T0 + Duration.ofDays(30), lastUsed: T0, revoked: null] + overrides
        new GrantRecord(GRANT, 'dayzero', g.tenant, 'alice', 'read write', g.client, T0, g.expires, g.lastUsed, g.revoked,
                g.revoked ? 'admin' : null)
    }

    static RefreshTokenRecord token(Map overrides = [:]) {
        Map t = [used: null, expires: T0 + Duration.ofDays(30), reissues: 0, superseded: false] + overrides
        new RefreshTokenRecord('hash', GRANT, null, 1, 'read write', T0, t.expires, t.used, t.reissues, t.superseded)
    }

    static Presentation presented(Map overrides = [:]) {
        Map r = [dialect: Dialect.DAYZERO, tenant: 'acme', client: null, scope: null] + overrides
        new Presentation(r.dialect, r.tenant, r.client, r.scope)
    }

    def "#situation: #expected"() {
        expect:
        RotationRules.decide(g, t, r, p, now) == expected

        where:
        situation                                  | g                                    | t                                      | r                                  | p                          | now                        || expected
        'an unspent token'                         | grant()                              | token()                                | presented()                        | policy()                   | T0 + Duration.ofMinutes(1) || new RotationRules.Rotate('read write')
        'a narrower scope asked for'               | grant()                              | token()                                | presented(scope: 'read')           | policy()                   | T0                         || new RotationRules.Rotate('read')
        'a wider scope asked for'                  | grant()                              | token()                                | presented(scope: 'admin')          | policy()                   | T0                         || new RotationRules.Refuse(INVALID_SCOPE)
        'rotation off'                             | grant()                              | token()                                | presented()                        | policy(rotation: false)    | T0                         || new RotationRules.AccessOnly('read write')
        'a spent token'                            | grant()                              | token(used: T0)                        | presented()                        | policy()                   | T0                         || new RotationRules.Replay('read write')
        'another tenant'                           | grant()                              | token()                                | presented(tenant: 'other')         | policy()                   | T0                         || new RotationRules.Refuse(INVALID_GRANT)
        'another dialect'                          | grant()                              | token()                                | presented(dialect: Dialect.ONBOARD, tenant: 'acme') | policy() | T0                         || new RotationRules.Refuse(INVALID_GRANT)
        'another OAuth client'                     | grant(client: 'c1')                  | token()                                | presented(client: 'c2')            | policy()                   | T0                         || new RotationRules.Refuse(INVALID_GRANT)
        'a revoked grant'                          | grant(revoked: T0)                   | token()                                | presented()                        | policy()                   | T0                         || new RotationRules.Refuse(REVOKED)
        'the grant expired'                        | grant(expires: T0 + Duration.ofDays(1)) | token()                             | presented()                        | policy()                   | T0 + Duration.ofDays(1)    || new RotationRules.Refuse(INVALID_GRANT)
        'the token expired'                        | grant()                              | token(expires: T0 + Duration.ofHours(1)) | presented()                      | policy()                   | T0 + Duration.ofHours(1)   || new RotationRules.Refuse(INVALID_GRANT)
        'idle longer than the idle timeout'        | grant()                              | token()                                | presented()                        | policy(idle: Duration.ofHours(1)) | T0 + Duration.ofMinutes(61) || new RotationRules.Refuse(INVALID_GRANT)
        'idle, but within the idle timeout'        | grant()                              | token()                                | presented()                        | policy(idle: Duration.ofHours(1)) | T0 + Duration.ofMinutes(59) || new RotationRules.Rotate('read write')
    }

    def "a replay #situation: #expected"() {
        expect:
        RotationRules.onReplay(t, p, now) == expected

        where:
        situation                                     | t                                       | p                                                        | now                         || expected
        'with no grace period'                        | token(used: T0)                         | policy()                                                 | T0                          || REVOKE_FAMILY
        'inside the grace period'                     | token(used: T0)                         | policy(grace: Duration.ofSeconds(30))                    | T0 + Duration.ofSeconds(30) || GRACE_REISSUE
        'after the grace period'                      | token(used: T0)                         | policy(grace: Duration.ofSeconds(30))                    | T0 + Duration.ofSeconds(31) || REVOKE_FAMILY
        'inside the grace period, re-issued once'     | token(used: T0, reissues: 1)            | policy(grace: Duration.ofSeconds(30))                    | T0 + Duration.ofSeconds(1)  || REVOKE_FAMILY
        'inside the grace period, 2 of 3 re-issues'   | token(used: T0, reissues: 2)            | policy(grace: Duration.ofSeconds(30), reissues: 3)       | T0 + Duration.ofSeconds(1)  || GRACE_REISSUE
        'of a successor a re-issue replaced'          | token(used: T0, superseded: true)       | policy(grace: Duration.ofSeconds(30))                    | T0 + Duration.ofSeconds(1)  || REVOKE_FAMILY
    }

    def "successors and access tokens never outlive their grant"() {
        given:
        def g = grant(expires: T0 + Duration.ofMinutes(30))

        expect:
        RotationRules.refreshExpiry(g, policy(), T0) == T0 + Duration.ofMinutes(30)
        RotationRules.accessExpiry(g, policy(), T0) == T0 + Duration.ofMinutes(30)
        RotationRules.accessExpiry(grant(), policy(), T0) == T0 + Duration.ofHours(1)
    }
}
