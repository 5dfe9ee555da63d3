package rotor.server.support

import io.micronaut.context.annotation.Replaces
import io.micronaut.context.annotation.Requires
import io.micronaut.transaction.TransactionOperations
import jakarta.inject.Singleton
import rotor.server.engine.AuditTrail
import rotor.server.engine.DialectPolicies
import rotor.server.engine.RefreshOutcome
import rotor.server.engine.RefreshRequest
import rotor.server.keys.SecretHasher
import rotor.server.engine.TokenEngine
import rotor.server.keys.AccessTokenMinter
import rotor.server.keys.RandomTokens
import rotor.server.keys.StoredKeySignature
import rotor.server.store.GrantRepository
import rotor.server.store.RefreshTokenRepository

import java.sql.Connection
import java.time.Instant

/** An engine whose refresh fails as an outage would, for specs that set spec.failing-engine. */
@Singleton
@Replaces(TokenEngine)
@Requires(property = 'spec.failing-engine', value = 'true')
class FailingTokenEngine extends TokenEngine {

    FailingTokenEngine(GrantRepository grants, RefreshTokenRepository tokens, SecretHasher hasher,
                       AccessTokenMinter accessTokens, StoredKeySignature signature, DialectPolicies policies,
                       AuditTrail audit, TransactionOperations<Connection> transactions, RandomTokens randomTokens) {
        super(grants, tokens, hasher, accessTokens, signature, policies, audit, transactions, randomTokens)
    }

    @Override
    RefreshOutcome refresh(RefreshRequest request, Instant now) {
        throw new IllegalStateException('the store is unreachable')
    }
}
