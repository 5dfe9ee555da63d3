package rotor.server.store.schema

import groovy.sql.Sql
import rotor.server.support.CapturedLog
import rotor.server.support.Store
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * A first start copies the build's empty store (classpath:store-template) instead of creating it
 * through Flyway, which costs a JDK 17 start about 900 ms; the copy must be what Flyway would have
 * made, and only ever a store that does not exist yet, of the settings the template was made for.
 */
class AFreshStoreIsCopiedFromTheTemplateSpec extends Specification {

    private static final String H2_SETTINGS = 'MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE'

    @TempDir
    Path dir

    def "the build packages a template at the newest migration"() {
        when:
        def shape = new Properties()
        getClass().getResourceAsStream('/store-template/store-template.properties').withCloseable { shape.load(it) }

        then:
        shape.version == SchemaMigrations.LATEST_VERSION
        shape.url.startsWith('jdbc:h2:file:{path};')
        getClass().getResource('/store-template/rotor.mv.db') != null
    }

    def "a first start on an empty data directory copies the template and runs no Flyway"() {
        when:
        def log = start(dir)

        then:
        log.findAll { it.contains('org.flywaydb') }.empty
        log.any { it.contains('Created a new store from the packaged template (schema version ' + SchemaMigrations.LATEST_VERSION + ')') }
        sql(dir) { Sql db -> db.firstRow('SELECT version, success FROM flyway_schema_history ORDER BY installed_rank DESC LIMIT 1').values() as List } ==
                [SchemaMigrations.LATEST_VERSION, true]
    }

    def "the copy holds what Flyway makes of db/migration: the same tables, indexes, constraints and migration rows"() {
        given:
        def copied = dir.resolve('copied')
        def migrated = dir.resolve('migrated')

        when:
        start(copied)
        def flywayLog = start(migrated, ['rotor.store.template': false])

        then: 'the second store went through Flyway'
        flywayLog.any { it.contains('Successfully applied') }

        and:
        schema(copied) == schema(migrated)
        schema(copied).any { it.contains('TABLE "public"."refresh_token"') }
        migrationRows(copied) == migrationRows(migrated)
        migrationRows(copied).count { it[0] != null } == SchemaMigrations.LATEST_VERSION as int
        leases(copied) == leases(migrated)
    }

    def "a store that exists is never replaced by the template"() {
        given:
        start(dir)
        sql(dir) { Sql db -> db.execute('CREATE TABLE left_by_the_operator (id INT)') }

        when:
        def log = start(dir)

        then:
        log.findAll { it.contains('packaged template') }.empty
        sql(dir) { Sql db -> db.firstRow("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'left_by_the_operator'").n } == 1
    }

    def "a store of other H2 settings than the template's is created by Flyway"() {
        given:
        def url = "jdbc:h2:file:${dir}/rotor;${H2_SETTINGS};DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=8192".toString()

        when:
        def log = start(dir, ['datasources.default.url': url])

        then:
        log.any { it.contains('Successfully applied') }
        log.findAll { it.contains('packaged template') }.empty
    }

    /** One start and stop of the server's beans over the store in a directory; what Flyway and the template logged meanwhile. */
    private static List<String> start(Path store, Map<String, Object> extra = [:]) {
        Files.createDirectories(store)
        new CapturedLog('org.flywaydb').withCloseable { log ->
            Store.h2Context(store, extra).close()
            log.linesUnder('org.flywaydb').collect { 'org.flywaydb ' + it } + log.lines(FreshStoreFromTemplate.name)
        }
    }

    /** The store's DDL as H2 scripts it, without the user line (its salt differs from store to store). */
    private static List<String> schema(Path store) {
        sql(store) { Sql db -> db.rows('SCRIPT NODATA').collect { it.values().first() as String }.findAll { !it.startsWith('CREATE USER') } }
    }

    private static List migrationRows(Path store) {
        sql(store) { Sql db ->
            db.rows('SELECT version, description, type, script, checksum, success FROM flyway_schema_history ORDER BY installed_rank')
                    .collect { it.values() as List }
        }
    }

    private static List leases(Path store) {
        sql(store) { Sql db -> db.rows('SELECT name FROM job_lease ORDER BY name').collect { it.name } }
    }

    private static <T> T sql(Path store, Closure<T> work) {
        def db = Sql.newInstance("jdbc:h2:file:${store}/rotor;${H2_SETTINGS}".toString(), 'sa', '')
        try {
            work(db)
        } finally {
            db.close()
        }
    }
}
