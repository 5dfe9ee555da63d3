package rotor.server.support

import io.micronaut.context.annotation.Replaces
import io.micronaut.context.annotation.Requires
import jakarta.inject.Singleton
import rotor.server.store.JdbcTokenStore

/** A store that is down, as an outage would have it, for specs that set spec.store-unreachable. */
@Singleton
@Replaces(JdbcTokenStore)
@Requires(property = 'spec.store-unreachable', value = 'true')
class UnreachableTokenStore extends FailingTokenStore {

    @Override
    protected RuntimeException failure() {
        new IllegalStateException('the store is unreachable')
    }
}
