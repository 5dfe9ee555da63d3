package rotor.server

import io.micronaut.context.ApplicationContext
import io.micronaut.http.annotation.Controller
import io.micronaut.inject.qualifiers.Qualifiers
import io.micronaut.scheduling.TaskExecutors
import io.micronaut.scheduling.annotation.ExecuteOn
import rotor.server.connections.UpstreamCallThreads
import rotor.server.discovery.DiscoveryController
import rotor.server.support.Store
import spock.lang.Specification

/**
 * A controller runs on Netty's event loop unless it says otherwise: every rotor controller that
 * touches the store or the network runs on the blocking pool, or (mielto's, which waits on
 * upstreams) on threads of its own. The one exception answers from memory.
 */
class ControllersKeepBlockingWorkOffTheEventLoopSpec extends Specification {

    /** Controllers that do no blocking work: the key set and metadata are answered from memory. */
    static final Set<Class<?>> IN_MEMORY = [DiscoveryController] as Set

    /** The executors a controller may run on: threads that may block. */
    static final Set<String> BLOCKING = [TaskExecutors.BLOCKING, UpstreamCallThreads.NAME] as Set

    def "every rotor controller runs on the blocking pool or the upstream calls' threads, or answers from memory"() {
        given:
        ApplicationContext context = Store.h2File().context

        when:
        def controllers = context.getBeanDefinitions(Qualifiers.byStereotype(Controller))
                .findAll { it.beanType.name.startsWith('rotor.server.') }
        def onTheEventLoop = controllers.findAll { definition ->
            IN_MEMORY.every { !it.isAssignableFrom(definition.beanType) } &&
                    !(definition.stringValue(ExecuteOn).orElse(null) in BLOCKING)
        }

        then:
        controllers.size() >= 12
        onTheEventLoop*.beanType*.simpleName == []
    }
}
