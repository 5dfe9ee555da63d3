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
 * session retries inside a 30 s grace period (one re-issue per token, the default), mielto too but
 * up to 100 re-issues per token, onboard grants expire after an idle hour, partner does not rotate.
 */
class Store {

    static final Map<String, Object> POLICIES = [
            'rotor.dialects.session.grace-period': '30s',
            'rotor.dialects.mielto.grace-period' : '30s',
            'rotor.dialects.mielto.grace-reissues': 100,
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

    /** H2 in file mode exactly as the server runs it by default: application.yml's URL, a data directory of its own. */
    @Memoized
    static Store h2File() {
        def dir = Files.createTempDirectory('rotor-h2-')
        start('H2 file', h2Properties(dir), dir)
    }

    /** What points the server's default (application.yml) H2 file store at a directory. */
    static Map<String, Object> h2Properties(Path dir) {
        ['rotor.data-dir': dir.toString()]
    }

    /** The server's own H2 URL (application.yml) for a directory: what a spec wraps in a test file system. */
    static String h2Url(Path dir) {
        def url = ApplicationContext.builder().deduceEnvironment(false).properties(h2Properties(dir)).build().withCloseable {
            it.environment.start().getRequiredProperty('datasources.default.url', String)
        }
        assert url.startsWith('jdbc:h2:file:')
        url
    }

    /** A context of the server's beans over the default H2 file store in a directory, as a started process has it. */
    static ApplicationContext h2Context(Path dir, Map<String, Object> extra = [:]) {
        ApplicationContext.builder()
                .deduceEnvironment(false) // not the 'test' environment: application-test.yml is for @MicronautTest specs
                .properties(h2Properties(dir) + extra)
                .start()
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
                .properties(POLICIES + properties + ['datasources.default.maximum-pool-size': 70,
                             // specs refresh connections against a stub upstream on 127.0.0.1 over http
                             'rotor.connections.allow-private-networks': true])
                .deduceEnvironment(false) // not the 'test' environment: application-test.yml is for @MicronautTest specs
                .environments('store-test')
                .start()
        // The data directory goes with the JVM, after the context that writes in it, so repeated builds leave no trace in /tmp.
        Runtime.runtime.addShutdownHook(new Thread({ context.close(); dir.toFile().deleteDir() }))
        def setting = { String key -> context.getProperty("datasources.default.${key}", String).orElse('') }
        new Store(name, context, setting('url'), setting('username'), setting('password'), dir)
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
