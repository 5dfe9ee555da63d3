package rotor.server.store.schema

import groovy.sql.Sql
import rotor.server.support.CapturedLog
import rotor.server.support.Causes
import rotor.server.support.Store
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/**
 * Flyway costs a fifth of a start even when there is nothing to migrate, so a start that finds
 * the store at the newest migration leaves Flyway out; any other store still goes through it.
 */
class ACurrentStoreStartsWithoutFlywaySpec extends Specification {

    @TempDir
    Path dir

    def "the first start migrates an empty store; a restart on it does not run Flyway"() {
        when: 'the store is created by Flyway rather than copied from the build\'s template'
        def first = start(['rotor.store.template': false])

        then:
        first.any { it.contains('Successfully applied') }
        newestMigration() == [SchemaMigrations.LATEST_VERSION, true]

        when:
        def restart = start()

        then:
        restart.empty
        newestMigration() == [SchemaMigrations.LATEST_VERSION, true]
    }

    def "a store one migration behind is migrated at the next start"() {
        given:
        start()
        sql { Sql db ->
            // as migration 9 left it: the sealed client secret in a column sized for ASCII
            db.execute("DELETE FROM flyway_schema_history WHERE version = '10'")
            db.execute('ALTER TABLE upstream_connection ALTER COLUMN sealed_client_secret SET DATA TYPE VARCHAR(8192)')
        }

        when:
        def log = start()

        then:
        log.any { it.contains('Migrating schema "public" to version "10') }
        newestMigration() == ['10', true]
        sql { Sql db -> db.firstRow("SELECT character_maximum_length AS n FROM information_schema.columns WHERE table_name = 'upstream_connection' AND column_name = 'sealed_client_secret'").n } == 16448
    }

    def "a store whose last migration failed goes through Flyway, which refuses it"() {
        given:
        start()
        sql { Sql db -> db.execute("UPDATE flyway_schema_history SET success = FALSE WHERE version = '10'") }

        when:
        start()

        then:
        def refused = thrown(Exception)
        Causes.of(refused).any { it.class.name.startsWith('org.flywaydb') && it.message.contains('failed migration') }
    }

    def "the latest version is that of the newest script in db/migration"() {
        given:
        def scripts = Path.of(getClass().getResource('/db/migration').toURI()).toFile().list()

        expect:
        scripts.collect { (it =~ /^V(\d+)__/)[0][1] as int }.max().toString() == SchemaMigrations.LATEST_VERSION
    }

    /** One start and stop of the server's beans over the store in dir; what Flyway logged meanwhile. */
    private List<String> start(Map<String, Object> extra = [:]) {
        new CapturedLog('org.flywaydb').withCloseable { log ->
            Store.h2Context(dir, extra).close()
            log.linesUnder('org.flywaydb')
        }
    }

    private List newestMigration() {
        sql { Sql db ->
            def row = db.firstRow('SELECT version, success FROM flyway_schema_history ORDER BY installed_rank DESC LIMIT 1')
            [row.version, row.success]
        }
    }

    private <T> T sql(Closure<T> work) {
        def db = Sql.newInstance("jdbc:h2:file:${dir}/rotor;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE".toString(), 'sa', '')
        try {
            work(db)
        } finally {
            db.close()
        }
    }
}
