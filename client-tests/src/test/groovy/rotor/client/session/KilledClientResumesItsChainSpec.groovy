package rotor.client.session

import rotor.client.jdk.admin.model.Dialect
import rotor.client.jdk.admin.model.GrantStatus
import rotor.client.support.RotorServer
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit

/** A client process killed (kill -9) right after it stored a new refresh token, then started again from its file. */
class KilledClientResumesItsChainSpec extends Specification {

    static final String PARTNER = '1042'

    @TempDir
    Path dir

    def server = RotorServer.get()
    def admin = server.admin()
    List<Process> started = []

    def "the restarted client continues the chain: no reuse detected, the grant stays active"() {
        given: 'a login whose refresh token the client process finds in its store'
        def grant = admin.grant(Dialect.PARTNER, PARTNER)
        def store = dir.resolve('partner.token')
        Files.writeString(store, grant.refreshToken)

        when: 'the client refreshes, stores the new token, and is killed before doing anything else'
        def first = client(store, 'crash-after-save')
        def said = firstLine(first)
        first.destroyForcibly()
        assert first.waitFor(10, TimeUnit.SECONDS)

        then:
        said == 'SAVED'
        Files.readString(store) != grant.refreshToken
        admin.chain(grant.grantId).size() == 2

        when: 'a new process starts from the same file'
        def second = client(store, 'refresh')
        def answer = firstLine(second)

        then: 'its refresh succeeds with the stored token'
        answer == 'REFRESHED'
        second.waitFor(30, TimeUnit.SECONDS)
        second.exitValue() == 0

        and: 'the server saw one chain, each token used once'
        def chain = admin.chain(grant.grantId)
        chain*.generation == [1, 2, 3]
        chain.init().every { it.usedAt != null }
        with(admin.status(grant.grantId)) {
            status == GrantStatus.ACTIVE
            revokedReason == null
        }

        cleanup:
        started*.destroyForcibly()
    }

    private Process client(Path store, String mode) {
        def classpath = System.getProperty('surefire.test.class.path') ?: System.getProperty('java.class.path')
        def java = Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        def process = new ProcessBuilder(java, '-cp', classpath, ChainClient.name,
                server.baseUrl, PARTNER, store.toString(), mode)
                .redirectError(dir.resolve("${mode}.err").toFile())
                .start()
        started << process
        process
    }

    /** The process's first line on stdout, waiting at most 30 s for it. */
    private static String firstLine(Process process) {
        CompletableFuture.supplyAsync { process.inputReader().readLine() }.get(30, TimeUnit.SECONDS)
    }
}
