package rotor.server.engine

import rotor.server.support.RotateThenHalt
import rotor.server.support.Store
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.time.Instant
import java.util.concurrent.TimeUnit

import static rotor.server.engine.RefreshOutcome.Status.OK
import static rotor.server.engine.RefreshOutcome.Status.REUSED

/**
 * H2 keeps recent commits in memory (up to its WRITE_DELAY). A child JVM rotates a token on the H2
 * file store and halts the moment the rotation returns; a fresh context over the same files, as a
 * restarted process would open them, finds the rotation: the old token spent, the successor live.
 * With rotor.store.sync-commits off too: the commit is then written to the file, if not forced to
 * the disk.
 */
class CommittedRotationSurvivesAKillSpec extends Specification {

    @TempDir
    Path dir

    def "a rotation committed just before the process died is there after a restart (sync-commits #syncCommits)"() {
        given:
        def java = Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        def child = new ProcessBuilder(java, '-cp', System.getProperty('java.class.path'), RotateThenHalt.name, dir.toString(),
                syncCommits.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve('child.log').toFile()) // read after the wait: a pipe read could block for ever
                .start()
        def exited = child.waitFor(120, TimeUnit.SECONDS)
        if (!exited) {
            child.destroyForcibly()
        }
        def output = dir.resolve('child.log').toFile().text
        assert exited: output
        def (first, successor) = output.readLines().find { it.startsWith('ROTATED ') }?.tokenize(' ')?.drop(1) ?: []
        assert first && successor: output

        when:
        def restarted = Store.h2Context(dir)
        def engine = restarted.getBean(TokenEngine)
        def later = Instant.parse('2026-11-22T10:00:05Z')
        def successorOutcome = engine.refresh(RefreshRequest.of(Dialect.ONBOARD, null, successor), later)
        def replayOutcome = engine.refresh(RefreshRequest.of(Dialect.ONBOARD, null, first), later.plusSeconds(1))

        then:
        child.exitValue() == 0
        successorOutcome.status() == OK
        replayOutcome.status() == REUSED

        cleanup:
        restarted?.close()

        where:
        syncCommits << [true, false]
    }
}
