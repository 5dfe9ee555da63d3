package rotor.server.engine

import io.micronaut.context.ApplicationContext
import rotor.server.support.ForceCountingFilePath
import rotor.server.support.Store
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.time.Instant

import static rotor.server.engine.RefreshOutcome.Status.OK

/**
 * A killed process loses no rotation (CommittedRotationSurvivesAKillSpec), but H2 leaves each
 * commit in the operating system's cache, which a power loss or a kernel crash empties. The H2
 * file store here is the server's own (application.yml's URL) on a file system that counts the
 * fsyncs H2 makes: a grant and a rotation are each forced to the disk before they are answered.
 * With rotor.store.sync-commits off, the same calls force nothing, so the count shows the feature.
 */
class CommittedRotationIsOnTheDiskSpec extends Specification {

    @TempDir
    Path dir

    def setupSpec() {
        ForceCountingFilePath.register()
    }

    def "a grant and a rotation are each forced to the disk before they are answered"() {
        given:
        def context = countingContext(dir, true)
        def engine = context.getBean(TokenEngine)
        def at = Instant.parse('2026-12-04T10:00:00Z')

        when:
        def before = ForceCountingFilePath.FORCES.get()
        def issued = engine.issue(new GrantRequest(Dialect.ONBOARD, 'user-1', null, null, null), at)
        def afterIssue = ForceCountingFilePath.FORCES.get()
        def outcome = engine.refresh(RefreshRequest.of(Dialect.ONBOARD, null, issued.refreshToken()), at.plusSeconds(1))
        def afterRefresh = ForceCountingFilePath.FORCES.get()

        then:
        afterIssue > before
        outcome.status() == OK
        afterRefresh > afterIssue

        cleanup:
        context?.close()
    }

    def "with sync-commits off, H2 forces nothing while it runs"() {
        given:
        def context = countingContext(dir, false)
        def engine = context.getBean(TokenEngine)
        def at = Instant.parse('2026-12-04T10:00:00Z')

        when:
        def before = ForceCountingFilePath.FORCES.get()
        def issued = engine.issue(new GrantRequest(Dialect.ONBOARD, 'user-1', null, null, null), at)
        def outcome = engine.refresh(RefreshRequest.of(Dialect.ONBOARD, null, issued.refreshToken()), at.plusSeconds(1))

        then:
        outcome.status() == OK
        ForceCountingFilePath.FORCES.get() == before

        cleanup:
        context?.close()
    }

    /** The server's beans over its default H2 URL, with the file path on the counting file system. */
    private static ApplicationContext countingContext(Path dir, boolean syncCommits) {
        Store.h2Context(dir, [
                'datasources.default.url'  : Store.h2Url(dir).replace('jdbc:h2:file:', 'jdbc:h2:forcecount:'),
                'rotor.store.sync-commits': syncCommits,
        ])
    }
}
