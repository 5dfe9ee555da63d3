package rotor.cluster

import spock.lang.Specification
import spock.lang.TempDir

import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.charset.StandardCharsets
import java.nio.file.Path
import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit
import java.util.concurrent.TimeoutException

/**
 * A log shipper that stops reading rotor's console leaves its pipe full, and a write to a full pipe
 * waits. No request may wait with it: rotor answers on, drops the lines that do not fit (INFO before
 * warnings), and its lines flow again once the console is read.
 */
class StalledConsoleDoesNotStopRefreshesSpec extends Specification {

    /** One request line each, about 100 bytes: twice and more what a 64 KiB pipe holds. */
    static final int REFRESHES = 1500

    @TempDir Path dir
    RotorProcess rotor

    def cleanup() {
        rotor?.close()
    }

    def "a chain of refreshes is answered while nobody reads the console, and logging resumes once someone does"() {
        given:
        rotor = RotorProcess.startWithAConsoleNobodyReads(dir)
        def token = Calls.issue(rotor, 'stalled-console-subject')

        when: "every refresh presents the newest token while the console is not read"
        def statuses = []
        REFRESHES.times {
            def answer = Calls.refresh(rotor, token)
            statuses << answer.status
            token = answer.refreshToken ?: token
        }

        then:
        statuses.size() == REFRESHES
        statuses.every { it == 200 }

        when: "the console is read again, and a request to a path of its own is sent until its line appears"
        def seen = new CompletableFuture<String>()
        Thread.startDaemon('console-reader') {
            try {
                rotor.console().newReader(StandardCharsets.UTF_8.name()).eachLine { line ->
                    if (line.contains('GET /after-the-stall-')) {
                        seen.complete(line)
                    }
                }
            } catch (IOException closed) {
                // the process is gone: cleanup
            }
        }
        def line = null
        for (int attempt = 0; attempt < 20 && line == null; attempt++) {
            Calls.HTTP.send(HttpRequest.newBuilder(rotor.uri("/after-the-stall-${attempt}")).timeout(Calls.TIMEOUT).build(),
                    HttpResponse.BodyHandlers.discarding())
            try {
                line = seen.get(1, TimeUnit.SECONDS)
            } catch (TimeoutException notYet) {
                // its line was dropped while the backlog was full, or is still behind it: ask again
            }
        }

        then:
        line ==~ /.*GET \/after-the-stall-\d+ 404 .*/

        and: "the chain is still whole: its newest token refreshes"
        Calls.refresh(rotor, token).status == 200
    }
}
