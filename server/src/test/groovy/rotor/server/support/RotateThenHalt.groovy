package rotor.server.support

import rotor.server.engine.Dialect
import rotor.server.engine.GrantRequest
import rotor.server.engine.RefreshRequest
import rotor.server.engine.TokenEngine

import java.nio.file.Path
import java.time.Instant

/**
 * Run in a child JVM by the durability spec: issues a grant over the H2 file store in the given
 * directory (with rotor.store.sync-commits as the second argument says), rotates its token once,
 * prints both tokens, and halts at once: no shutdown hook, no pool or database close, as a killed
 * process would.
 */
class RotateThenHalt {

    static void main(String[] args) {
        def dir = Path.of(args[0])
        def context = Store.h2Context(dir, ['rotor.store.sync-commits': args.length < 2 || Boolean.parseBoolean(args[1])])
        def engine = context.getBean(TokenEngine)
        def now = Instant.parse('2026-11-22T10:00:00Z')
        def first = engine.issue(new GrantRequest(Dialect.ONBOARD, 'durable', null, null, null), now)
        def second = engine.refresh(RefreshRequest.of(Dialect.ONBOARD, null, first.refreshToken()), now.plusSeconds(1))
        System.out.println("ROTATED ${first.refreshToken()} ${second.tokens().refreshToken()}")
        System.out.flush()
        Runtime.runtime.halt(0)
    }
}
