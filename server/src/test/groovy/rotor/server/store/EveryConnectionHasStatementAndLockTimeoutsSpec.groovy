package rotor.server.store

import groovy.sql.Sql
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource
import rotor.server.support.Store
import spock.lang.Specification

import javax.sql.DataSource

/** Every pooled connection carries rotor.store.statement-timeout (10 s) and lock-timeout (5 s). */
class EveryConnectionHasStatementAndLockTimeoutsSpec extends Specification {

    def "a pooled connection of #store has the timeouts set"() {
        when:
        def settings = new Sql(DelegatingDataSource.unwrapDataSource(store.bean(DataSource))).withCloseable { sql -> read(sql) }

        then:
        settings == expected

        where:
        store             | read                                                                   || expected
        Store.postgres()  | { Sql sql -> [sql.firstRow('SHOW statement_timeout')[0], sql.firstRow('SHOW lock_timeout')[0]] } || ['10s', '5s']
        Store.h2File()    | { Sql sql -> [sql.firstRow("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_TIMEOUT'")[0],
                                             sql.firstRow('SELECT LOCK_TIMEOUT()')[0] as String] } || ['10000', '5000']
    }
}
