package rotor.server.store

import groovy.sql.Sql
import io.micronaut.context.ApplicationContext
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource
import rotor.server.engine.Dialect
import rotor.server.engine.GrantRequest
import rotor.server.engine.RefreshRequest
import rotor.server.engine.TokenEngine
import rotor.server.support.Store
import spock.lang.Specification
import spock.lang.TempDir

import javax.sql.DataSource
import java.nio.file.Path
import java.time.Instant

import static rotor.server.engine.RefreshOutcome.Status.OK

/**
 * Every commit writes its changed pages into a new chunk at the end of H2's file, and a rotation
 * leaves most of the chunks before it dead but for a page or two, so that no chunk is ever wholly
 * free. Only H2's background thread rewrites such chunks, and WRITE_DELAY=0 stops it: the file then
 * keeps every byte ever written (bench/RESULTS.md, session 23). With the server's own H2 URL, the
 * chunks of a store that rotations keep busy become mostly live again. RETENTION_TIME=0
 * makes every chunk old enough to be rewritten at once instead of after H2's 45 s.
 */
class H2CompactsItsFileWhileRunningSpec extends Specification {

    @TempDir
    Path dir

    def "while a grant rotates on and on, the store's chunks are rewritten until most of their bytes are live"() {
        given:
        def url = Store.h2Url(dir)
        def context = Store.h2Context(dir, [
                'datasources.default.url' : url + ';RETENTION_TIME=0',
                'rotor.store.sync-commits': false, // each commit still written; the fsyncs would only slow the spec
        ])
        def engine = context.getBean(TokenEngine)
        def at = Instant.parse('2026-12-06T03:00:00Z')
        def token = engine.issue(new GrantRequest(Dialect.ONBOARD, 'user-1', null, null, null), at).refreshToken()
        def rotations = 0
        def fillRate = 0

        when: 'rotations go on (H2 leaves an idle store alone) until the chunks are mostly live, or 20,000 have not made them so'
        while (rotations < 20_000 && (rotations < 2_000 || rotations % 100 != 0 || (fillRate = chunksFillRate(context)) < 50)) {
            def outcome = engine.refresh(RefreshRequest.of(Dialect.ONBOARD, null, token), at.plusMillis(++rotations))
            assert outcome.status() == OK
            token = outcome.tokens().refreshToken()
        }

        then:
        fillRate >= 50

        cleanup:
        context?.close()
    }

    /** H2's share of its chunks' bytes that the store still uses, in percent. */
    private static int chunksFillRate(ApplicationContext context) {
        new Sql(DelegatingDataSource.unwrapDataSource(context.getBean(DataSource))).withCloseable { Sql sql ->
            sql.firstRow("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CHUNKS_FILL_RATE'")
                    .setting_value as int
        }
    }
}
