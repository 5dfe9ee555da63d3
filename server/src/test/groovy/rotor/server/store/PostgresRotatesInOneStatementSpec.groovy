package rotor.server.store

import rotor.server.engine.Dialect
import rotor.server.engine.GrantRequest
import rotor.server.engine.RefreshTokenHashes
import rotor.server.engine.TokenEngine
import rotor.server.engine.TokenStore
import rotor.server.support.Store
import spock.lang.Specification

import java.lang.reflect.InvocationHandler
import java.lang.reflect.Proxy
import java.sql.Connection
import java.sql.DriverManager
import java.time.Instant
import java.time.temporal.ChronoUnit

/**
 * On PostgreSQL the committer spends a token and adds its successor in one statement (a
 * data-modifying WITH): one round trip per rotation on the thread every rotation queues for. The
 * insert must still depend on the spend: a token that is spent already gets no second successor.
 */
class PostgresRotatesInOneStatementSpec extends Specification {

    def store = Store.postgres()

    def "a rotation is one statement that spends the token and adds its successor"() {
        given:
        def parent = newToken('one-statement')
        def successor = successorOf(parent, 'first')

        when:
        def rotated = countingStatements { connection -> HotPathStatements.rotate(connection, new TokenStore.Rotation(successor, false), true) }

        then:
        rotated.answer
        rotated.statements == 1
        store.sql { firstRow('SELECT used_at FROM refresh_token WHERE token_hash = ?', [parent.hash]) }.used_at != null
        store.sql { firstRow('SELECT generation, parent_hash FROM refresh_token WHERE token_hash = ?', [successor.tokenHash()]) }
                .with { it.generation == 2 && it.parent_hash == parent.hash }
    }

    def "a token spent already gets no second successor"() {
        given:
        def parent = newToken('spent-already')
        def first = successorOf(parent, 'first')
        def second = successorOf(parent, 'second')
        countingStatements { connection -> HotPathStatements.rotate(connection, new TokenStore.Rotation(first, false), true) }

        when:
        def rotated = countingStatements { connection -> HotPathStatements.rotate(connection, new TokenStore.Rotation(second, false), true) }

        then:
        !rotated.answer
        store.sql { firstRow('SELECT COUNT(*) AS n FROM refresh_token WHERE parent_hash = ?', [parent.hash]) }.n == 1
        store.sql { firstRow('SELECT COUNT(*) AS n FROM refresh_token WHERE token_hash = ?', [second.tokenHash()]) }.n == 0
    }

    private Map newToken(String subject) {
        def now = Instant.now().truncatedTo(ChronoUnit.MICROS)
        def issued = store.bean(TokenEngine).issue(new GrantRequest(Dialect.ONBOARD, subject, null, null, null), now)
        [grantId: issued.grantId(), hash: store.bean(RefreshTokenHashes).lookups(issued.refreshToken()).first(), at: now]
    }

    private static RefreshTokenRecord successorOf(Map parent, String name) {
        RefreshTokenRecord.issued("$name-${UUID.randomUUID()}".toString(), parent.grantId as UUID, parent.hash as String, 2, null,
                (parent.at as Instant).plusSeconds(1), (parent.at as Instant).plusSeconds(3600))
    }

    /** Runs the work on a connection of its own that counts the statements prepared on it, and commits. */
    private Map countingStatements(Closure<Boolean> work) {
        def connection = DriverManager.getConnection(store.jdbcUrl, store.user, store.password)
        try {
            connection.autoCommit = false
            int statements = 0
            def counting = (Connection) Proxy.newProxyInstance(getClass().classLoader, [Connection] as Class[], { proxy, method, args ->
                if (method.name == 'prepareStatement') {
                    statements++
                }
                method.invoke(connection, args)
            } as InvocationHandler)
            def answer = work(counting)
            connection.commit()
            [answer: answer, statements: statements]
        } finally {
            connection.close()
        }
    }
}
