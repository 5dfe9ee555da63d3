package rotor.server.store

import io.micronaut.health.HealthStatus
import io.micronaut.management.health.indicator.HealthResult
import reactor.core.publisher.Mono
import rotor.server.engine.StoreContention
import spock.lang.Specification

import java.sql.SQLException
import java.time.Duration

/**
 * After a failed fsync rotor acknowledges no write until it restarts (DurableCommits), so its
 * liveness fails for an orchestrator to restart it; a store whose syncs succeed stays live.
 */
class LivenessFailsAfterAFailedSyncSpec extends Specification {

    def "liveness stays up while syncs succeed and fails for good after one fails"() {
        given:
        def failing = false
        def durable = new DurableCommits({ held -> if (failing) throw new SQLException('disk gone', '58030') } as DurableCommits.Force, Duration.ofSeconds(5))
        def health = new StoreSyncHealth(durable)

        when:
        durable.afterCommit()

        then:
        status(health) == HealthStatus.UP

        when:
        failing = true
        durable.afterCommit()

        then:
        thrown(StoreContention)
        status(health) == HealthStatus.DOWN

        when: 'the disk answers again'
        failing = false

        then:
        status(health) == HealthStatus.DOWN
    }

    private static HealthStatus status(StoreSyncHealth health) {
        Mono.from(health.getResult()).block(Duration.ofSeconds(5)).status
    }
}
