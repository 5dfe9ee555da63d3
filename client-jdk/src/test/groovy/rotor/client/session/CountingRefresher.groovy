package rotor.client.session

import java.time.Clock
import java.time.Duration
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.atomic.AtomicInteger

/**
 * A refresher that plays a rotating server: every call spends the token it is given and answers
 * generation n+1, or does what {@link #next} says for the next calls.
 */
class CountingRefresher implements Refresher {

    final AtomicInteger calls = new AtomicInteger()
    final List<String> presented = new CopyOnWriteArrayList<>()
    /** Closures run in order by the next calls instead of a plain answer; a closure may throw. */
    final List<Closure<TokenPair>> next = new CopyOnWriteArrayList<>()
    Clock clock = Clock.systemUTC()
    Duration lifetime = Duration.ofMinutes(5)

    @Override
    TokenPair refresh(String refreshToken) {
        presented << refreshToken
        int n = calls.incrementAndGet()
        if (!next.isEmpty()) {
            def step = next.remove(0)
            def answer = step.call(refreshToken)
            if (answer != null) {
                return answer
            }
        }
        pair(n)
    }

    TokenPair pair(int n) {
        new TokenPair("at-$n".toString(), "rt-$n".toString(), clock.instant() + lifetime)
    }
}
