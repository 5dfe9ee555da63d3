package rotor.server.store.schema

import groovy.sql.Sql
import rotor.server.engine.Dialect
import rotor.server.engine.GrantRequest
import rotor.server.engine.RefreshOutcome
import rotor.server.engine.RefreshRequest
import rotor.server.engine.TokenEngine
import rotor.server.support.Store
import spock.lang.Specification

import java.sql.Connection
import java.time.Instant
import java.time.temporal.ChronoUnit

/**
 * Migration 9 drops refresh_token's foreign key: on H2 it brought an index of its own that every
 * rotation wrote (bench/RESULTS.md, session 10). A rotation now writes the token's row and three
 * indexes only, and a token whose grant is gone is still refused, as the key made sure before.
 */
class RefreshTokensCarryNoForeignKeySpec extends Specification {

    def "refresh_token has no foreign key, and only the indexes of its hash, its grant's chain and its expiry, on #store"() {
        expect:
        store.sql { Sql db -> importedKeys(db.connection) } == []
        store.sql { Sql db -> indexes(db.connection) } == [['expires_at'], ['grant_id', 'generation'], ['token_hash']] as Set

        where:
        store << Store.all()
    }

    def "a token whose grant row is gone refreshes nothing and is not spent, on #store"() {
        given:
        def engine = store.bean(TokenEngine)
        def now = Instant.now().truncatedTo(ChronoUnit.MICROS)
        def issued = engine.issue(new GrantRequest(Dialect.ONBOARD, 'gone', null, null, null), now)
        store.sql { Sql db -> db.execute('DELETE FROM token_grant WHERE id = ?', [issued.grantId()]) }

        when:
        def outcome = engine.refresh(RefreshRequest.of(Dialect.ONBOARD, null, issued.refreshToken()), now.plusSeconds(1))

        then:
        outcome.status() == RefreshOutcome.Status.INVALID_GRANT
        store.sql { Sql db -> db.firstRow('SELECT COUNT(*) AS n FROM refresh_token WHERE grant_id = ? AND used_at IS NULL', [issued.grantId()]).n } == 1

        where:
        store << Store.all()
    }

    private static List<String> importedKeys(Connection connection) {
        def keys = []
        connection.metaData.getImportedKeys(connection.catalog, connection.schema, 'refresh_token').withCloseable { rows ->
            while (rows.next()) {
                keys << rows.getString('FK_NAME')
            }
        }
        keys
    }

    /** Each index of refresh_token as its column names in order, the primary key's included. */
    private static Set<List<String>> indexes(Connection connection) {
        Map<String, SortedMap<Integer, String>> columns = [:]
        connection.metaData.getIndexInfo(connection.catalog, connection.schema, 'refresh_token', false, false).withCloseable { rows ->
            while (rows.next()) {
                if (rows.getString('COLUMN_NAME') != null) {
                    columns.computeIfAbsent(rows.getString('INDEX_NAME')) { new TreeMap<Integer, String>() }
                            .put(rows.getInt('ORDINAL_POSITION'), rows.getString('COLUMN_NAME').toLowerCase())
                }
            }
        }
        columns.values().collect { it.values() as List } as Set
    }
}
