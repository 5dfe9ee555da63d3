package rotor.cluster

import spock.lang.IgnoreIf
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.time.Duration

/**
 * A terminal that closes (SIGHUP) or a Ctrl-C (SIGINT) stops rotor the way SIGTERM does: the
 * application stops first, on the signal's thread, and only then is the log queue written out and
 * the process ended, with exit 0 when every accepted request finished. Left to the JVM, SIGHUP runs
 * Micronaut's stop and the log flush side by side (the flush may end the log before the stop's own
 * lines) and exits 129.
 */
class HangupAndInterruptStopRotorAsSigtermDoesSpec extends Specification {

    @TempDir Path dir
    RotorProcess rotor

    def cleanup() {
        rotor?.close()
    }

    // A signal this JVM ignores (nohup, a background job) is ignored by the rotor it starts as well.
    @IgnoreIf({ HangupAndInterruptStopRotorAsSigtermDoesSpec.ignoredHere(data.signal as String) })
    def "SIG#signal: the stop's last lines are logged and rotor exits 0"() {
        given:
        rotor = RotorProcess.startOnItsOwnStore(dir)
        Calls.refresh(rotor, Calls.issue(rotor, "signal-${signal}"))

        when:
        rotor.signal(signal)
        def exitCode = rotor.exitCode(Duration.ofSeconds(30))

        then:
        exitCode == Optional.of(0)
        // Hikari closes the store last of all; its line is written after the stop, before the exit.
        rotor.log.toFile().text.contains('HikariPool-1 - Shutdown completed.')

        where:
        signal << ['HUP', 'INT']
    }

    /** Whether this process ignores the signal (bit n-1 of SigIgn in /proc/self/status); a child then inherits that. */
    static boolean ignoredHere(String signal) {
        int number = [HUP: 1, INT: 2][signal]
        def mask = new File('/proc/self/status').readLines().find { it.startsWith('SigIgn:') }?.split(/\s+/)?.last()
        mask != null && (new BigInteger(mask, 16).testBit(number - 1))
    }
}
