package rotor.server.grants;

import jakarta.inject.Singleton;
import rotor.server.engine.Dialect;
import rotor.server.engine.DialectPolicies;
import rotor.server.engine.RotationRules;
import rotor.server.engine.RotationRules.GrantState;
import rotor.server.store.GrantRecord;
import rotor.server.store.GrantRepository;
import rotor.server.store.RefreshTokenRecord;
import rotor.server.store.RefreshTokenRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A grant as an operator sees it: its state and the chain of its refresh tokens, never their values. */
@Singleton
public class GrantHistory {

    public record GrantView(GrantRecord grant, GrantState state, List<RefreshTokenRecord> tokens) {
    }

    private final GrantRepository grants;
    private final RefreshTokenRepository tokens;
    private final DialectPolicies policies;

    public GrantHistory(GrantRepository grants, RefreshTokenRepository tokens, DialectPolicies policies) {
        this.grants = grants;
        this.tokens = tokens;
        this.policies = policies;
    }

    public Optional<GrantView> find(UUID grantId, Instant now) {
        return grants.findById(grantId).map(grant -> new GrantView(grant, stateOf(grant, now),
                tokens.findByGrantIdOrderByGenerationAsc(grantId)));
    }

    /** The grant's state now, from the grant row alone. */
    public GrantState stateOf(GrantRecord grant, Instant now) {
        return RotationRules.stateOf(grant, Dialect.fromWireName(grant.dialect()).map(policies::of).orElseThrow(), now);
    }
}
