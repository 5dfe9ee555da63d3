package rotor.server.support

import groovy.sql.Sql
import groovy.transform.Memoized
import io.micronaut.context.ApplicationContext
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres

import java.nio.file.Files
import java.nio.file.Path

/**
 * A running engine over a real database: H2 in file mode, or PostgreSQL started from
 * embedded binaries. One of each per test JVM; specs keep apart by using fresh grants.
 *
 * The policies differ from the defaults so that each behaviour has a dialect to show it on:
 * session retries inside a 30 s grace period, onboard grants expire after an idle hour, partner
 * does not rotate.
 */
class Store {

    static final Map<String, Object> POLICIES = [
            'rotor.dialects.session.grace-period': '30s',
            'rotor.dialects.onboard.idle-timeout' : '1h',
            'rotor.dialects.partner.rotation'     : false,
    ]

    final String name
    final ApplicationContext context
    final String jdbcUrl
    final String user
    final String password
    final Path dataDir

    private Store(String name, ApplicationContext context, String jdbcUrl, String user, String password, Path dataDir) {
        this.name = name
        this.context = context
        this.jdbcUrl = jdbcUrl
        this.user = user
        this.password = password
        this.dataDir = dataDir
    }

    static List<Store> all() {
        [h2File(), postgres()]
    }

    @Memoized
    static Store h2File() {
        def dir = Files.createTempDirectory('rotor-h2-')
        def url = h2Url(dir)
        start('H2 file', [
                'rotor.data-dir'                     : dir.toString(),
                'datasources.default.url'            : url,
                'datasources.default.driver-class-name': 'org.h2.Driver',
                'datasources.default.username'         : 'sa',
                'datasources.default.password'         : '',
        ], dir)
    }

    /** The URL the server uses by default (application.yml), for a store in the given directory. */
    static String h2Url(Path dir) {
        "jdbc:h2:file:${dir}/rotor;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=10000"
    }

    @Memoized
    static Store postgres() {
        def postgres = EmbeddedPostgres.start()
        Runtime.runtime.addShutdownHook(new Thread({ postgres.close() }))
        def url = postgres.getJdbcUrl('postgres', 'postgres')
        def dir = Files.createTempDirectory('rotor-pg-')
        start('PostgreSQL', [
                'rotor.data-dir'                       : dir.toString(),
                'datasources.default.url'              : url,
                'datasources.default.driver-class-name': 'org.postgresql.Driver',
                'datasources.default.username'         : 'postgres',
                'datasources.default.password'         : 'postgres',
        ], dir)
    }

    private static Store start(String name, Map<String, Object> properties, Path dir) {
        def context = ApplicationContext.builder()
                .properties(POLICIES + properties + ['datasources.default.maximum-pool-size': 70])
                .environments('store-test')
                .start()
        Runtime.runtime.addShutdownHook(new Thread({ context.close() }))
        new Store(name, context, properties['datasources.default.url'] as String, properties['datasources.default.username'] as String,
                properties['datasources.default.password'] as String, dir)
    }

    public <T> T bean(Class<T> type) {
        context.getBean(type)
    }

    /** Plain SQL on the store, outside the engine, to look at what it wrote. */
    public <T> T sql(@DelegatesTo(Sql) Closure<T> work) {
        def sql = Sql.newInstance(jdbcUrl, user, password)
        try {
            work.delegate = sql
            work(sql)
        } finally {
            sql.close()
        }
    }

    @Override
    String toString() {
        name
    }
}
