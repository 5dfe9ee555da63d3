package rotor.server.grants;

import io.micronaut.core.annotation.Nullable;
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

    /**
     * @param tokens one page of the chain: generations after {@code after}, at most {@code limit} of them
     * @param nextAfter where the next page starts, or null when this page ends the chain
     */
    public record GrantView(GrantRecord grant, GrantState state, List<RefreshTokenRecord> tokens, @Nullable Integer nextAfter) {
    }

    private final GrantRepository grants;
    private final RefreshTokenRepository tokens;
    private final DialectPolicies policies;

    public GrantHistory(GrantRepository grants, RefreshTokenRepository tokens, DialectPolicies policies) {
        this.grants = grants;
        this.tokens = tokens;
        this.policies = policies;
    }

    /**
     * The grant, with the tokens of generations {@code after} + 1 to {@code after} + {@code limit}:
     * a page by generation, so that a grace re-issue's second token of a generation is never split
     * from the first, and each page is one range scan of the (grant_id, generation) index.
     */
    public Optional<GrantView> find(UUID grantId, Instant now, int after, int limit) {
        int upTo = (int) Math.min((long) after + limit, Integer.MAX_VALUE); // no generation lies beyond int32
        return grants.findById(grantId).map(grant -> new GrantView(grant, stateOf(grant, now),
                tokens.findGenerations(grantId, after, upTo),
                tokens.existsByGrantIdAndGenerationGreaterThan(grantId, upTo) ? upTo : null));
    }

    /** The grant's state now, from the grant row alone. */
    public GrantState stateOf(GrantRecord grant, Instant now) {
        return RotationRules.stateOf(grant, Dialect.fromWireName(grant.dialect()).map(policies::of).orElseThrow(), now);
    }
}
