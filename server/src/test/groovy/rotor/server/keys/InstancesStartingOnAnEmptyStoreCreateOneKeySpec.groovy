package rotor.server.keys

import groovy.sql.Sql
import io.micronaut.context.ApplicationContext
import io.micronaut.transaction.TransactionOperations
import rotor.server.engine.DialectPolicies
import rotor.server.store.DurableCommits
import rotor.server.store.SigningKeyRepository
import rotor.server.support.Store
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.time.Clock
import java.time.Duration
import java.util.concurrent.CyclicBarrier
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * Several instances deployed at once on an empty PostgreSQL store each find no key and make one:
 * they must queue on something that exists before the first key does, or each signs with a key
 * the others have not loaded yet. Each instance is a SigningKeys of its own over one store.
 */
class InstancesStartingOnAnEmptyStoreCreateOneKeySpec extends Specification {

    static final String DATABASE = 'first_key_race'

    @Shared @AutoCleanup ApplicationContext context
    @Shared String url
    @Shared @TempDir Path dataDir

    def setupSpec() {
        def postgres = Store.postgres()
        postgres.sql { execute("DROP DATABASE IF EXISTS ${DATABASE}".toString()); execute("CREATE DATABASE ${DATABASE}".toString()) }
        url = postgres.jdbcUrl.replaceFirst('/postgres(\\?|$)', "/${DATABASE}\$1")
        context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .properties(['rotor.data-dir'                       : dataDir.toString(),
                             'datasources.default.url'              : url,
                             'datasources.default.driver-class-name': 'org.postgresql.Driver',
                             'datasources.default.username'         : postgres.user,
                             'datasources.default.password'         : postgres.password])
                .start()
    }

    def "four instances starting at once on an empty store leave exactly one key"() {
        given:
        def instances = (1..4).collect { newInstance() }
        def barrier = new CyclicBarrier(instances.size())
        def threads = Executors.newFixedThreadPool(instances.size())

        when:
        def counts = (1..5).collect {
            sql { execute('DELETE FROM signing_key') }
            instances.collect { keys -> threads.submit { barrier.await(); keys.start() } }*.get(30, TimeUnit.SECONDS)
            sql { firstRow('SELECT count(*) AS n FROM signing_key').n as int }
        }

        then:
        counts == [1] * 5

        and: 'every instance signs with that key'
        instances*.signingKey()*.keyID.unique().size() == 1

        cleanup:
        threads?.shutdownNow()
    }

    private SigningKeys newInstance() {
        new SigningKeys(context.getBean(SigningKeyRepository), context.getBean(SecretSealer), ({ -> context.getBean(DialectPolicies) } as jakarta.inject.Provider<DialectPolicies>),
                context.getBean(TransactionOperations), context.getBean(DurableCommits), 'ES256', Duration.ofSeconds(60), Clock.systemUTC())
    }

    private <T> T sql(@DelegatesTo(Sql) Closure<T> work) {
        def postgres = Store.postgres()
        def sql = Sql.newInstance(url, postgres.user, postgres.password)
        try {
            work.delegate = sql
            work(sql)
        } finally {
            sql.close()
        }
    }
}
