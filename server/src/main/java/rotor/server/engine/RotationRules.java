package rotor.server.engine;

import rotor.server.engine.RefreshOutcome.Status;
import rotor.server.store.GrantRecord;
import rotor.server.store.RefreshTokenRecord;

import java.time.Instant;

/**
 * What one presented refresh token deserves, decided from its state, its grant's, the policy and
 * the time alone: no store, no clock, no HTTP. The engine carries a decision out with the store's
 * conditional updates, which settle what concurrency leaves open (who spends a token first, how
 * many re-issues a token already had).
 */
public final class RotationRules {

    /** The first decision on a presented token that the store knows. */
    public sealed interface Decision {
    }

    /** Refused without changing anything. */
    public record Refuse(Status status) implements Decision {
    }

    /** Rotation is off: a new access token, the same refresh token. */
    public record AccessOnly(String scope) implements Decision {
    }

    /**
     * Unspent: spend it and issue its successor, if this caller's conditional update wins. The
     * successor has the presented token's scope; {@code scope} is the new access token's.
     */
    public record Rotate(String scope) implements Decision {
    }

    /** Already spent: see {@link #onReplay}. */
    public record Replay(String scope) implements Decision {
    }

    /** What a spent token presented again gets. */
    public enum ReplayVerdict {
        /** The lost-response retry: a fresh successor that replaces the one issued before. */
        GRACE_REISSUE,
        /** Replay: the whole grant is revoked (RFC 6819 section 5.2.2.3, RFC 9700 section 4.14.2). */
        REVOKE_FAMILY
    }

    private RotationRules() {
    }

    public static Decision decide(GrantRecord grant, RefreshTokenRecord token, Presentation presented, DialectPolicy policy,
                                  Instant now) {
        if (!belongsTo(grant, presented)) {
            // Said as "unknown", never "wrong tenant": that would tell the caller the token exists.
            return new Refuse(Status.INVALID_GRANT);
        }
        if (grant.revokedAt() != null) {
            return new Refuse(Status.REVOKED);
        }
        if (expired(grant, token, policy, now)) {
            return new Refuse(Status.INVALID_GRANT);
        }
        if (!Scopes.allows(token.scope(), presented.requestedScope())) {
            return new Refuse(Status.INVALID_SCOPE);
        }
        String scope = Scopes.narrowed(token.scope(), presented.requestedScope());
        if (token.usedAt() != null) {
            return new Replay(scope);
        }
        return policy.rotation() ? new Rotate(scope) : new AccessOnly(scope);
    }

    /**
     * Inside the grace period the immediately superseded token may be retried, at most
     * graceReissues times; a successor that a re-issue replaced may never be. The store still has
     * to confirm that no newer generation was spent and count the re-issue atomically.
     */
    public static ReplayVerdict onReplay(RefreshTokenRecord spent, DialectPolicy policy, Instant now) {
        boolean inGrace = !policy.gracePeriod().isZero() && spent.usedAt() != null
                && !now.isAfter(spent.usedAt().plus(policy.gracePeriod()));
        return inGrace && !spent.superseded() && spent.reissues() < policy.graceReissues()
                ? ReplayVerdict.GRACE_REISSUE : ReplayVerdict.REVOKE_FAMILY;
    }

    /** Where a grant stands, from the grant row alone. */
    public enum GrantState { ACTIVE, REVOKED, EXPIRED }

    public static GrantState stateOf(GrantRecord grant, DialectPolicy policy, Instant now) {
        if (grant.revokedAt() != null) {
            return GrantState.REVOKED;
        }
        boolean idle = !policy.idleTimeout().isZero() && now.isAfter(grant.lastUsedAt().plus(policy.idleTimeout()));
        return !now.isBefore(grant.expiresAt()) || idle ? GrantState.EXPIRED : GrantState.ACTIVE;
    }

    /**
     * Whether refreshes must write the grant's last use: only an idle timeout reads it, so without
     * one a refresh writes nothing to the grant. A rotating grant's idleness also counts from its
     * newest token's issue, so an idle timeout turned on later does not expire grants that kept
     * rotating meanwhile; one without rotation counts from the last use written.
     */
    public static boolean tracksLastUse(DialectPolicy policy) {
        return !policy.idleTimeout().isZero();
    }

    /** A successor never outlives its grant. */
    public static Instant refreshExpiry(GrantRecord grant, DialectPolicy policy, Instant now) {
        return earliest(now.plus(policy.refreshTokenLifetime()), grant.expiresAt());
    }

    /** Nor does an access token. */
    public static Instant accessExpiry(GrantRecord grant, DialectPolicy policy, Instant now) {
        return earliest(now.plus(policy.accessTokenLifetime()), grant.expiresAt());
    }

    static boolean expired(GrantRecord grant, RefreshTokenRecord token, DialectPolicy policy, Instant now) {
        // The presented token's issue was a use of the grant too: the refresh that made it.
        Instant lastUse = grant.lastUsedAt().isAfter(token.issuedAt()) ? grant.lastUsedAt() : token.issuedAt();
        boolean idle = !policy.idleTimeout().isZero() && now.isAfter(lastUse.plus(policy.idleTimeout()));
        return !now.isBefore(grant.expiresAt()) || !now.isBefore(token.expiresAt()) || idle;
    }

    private static boolean belongsTo(GrantRecord grant, Presentation presented) {
        return grant.dialect().equals(presented.dialect().wireName())
                && grant.tenant().equals(presented.tenant())
                && (presented.clientId() == null || presented.clientId().equals(grant.clientId()));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
