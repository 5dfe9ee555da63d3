package rotor.server.support

import io.micronaut.context.annotation.Replaces
import io.micronaut.context.annotation.Requires
import jakarta.inject.Singleton
import rotor.server.engine.StoreContention
import rotor.server.store.JdbcTokenStore

/**
 * A store whose transactions keep conflicting until it gives up, as JdbcTokenStore does after its
 * retries, for specs that set spec.store-contended: the engine answers the INTERNAL outcome.
 */
@Singleton
@Replaces(JdbcTokenStore)
@Requires(property = 'spec.store-contended', value = 'true')
class ContendedTokenStore extends FailingTokenStore {

    @Override
    protected RuntimeException failure() {
        new StoreContention('gave up after retries', new IllegalStateException('serialization failure'))
    }
}
