package rotor.server.engine;

import rotor.server.store.GrantRecord;
import rotor.server.store.RefreshTokenRecord;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What the engine needs of a store, and no more (after ORY Fosite's small storage interfaces).
 * Every write that decides a race is a conditional update whose answer says whether this caller
 * won, so the rules hold across any number of instances sharing the store.
 */
public interface TokenStore {

    /** A presented token and the grant it belongs to. */
    record Presented(RefreshTokenRecord token, GrantRecord grant) {
    }

    /**
     * Runs work in one transaction: all of it happens or none, and what it committed is durable
     * when this returns. Transient conflicts (lock or serialization failures) are retried with the
     * whole work.
     *
     * @throws StoreContention when the store kept conflicting after retries, or could not make
     *                         the commit durable
     */
    <T> T atomically(Supplier<T> work);

    /**
     * A rotation the engine prepared outside any transaction: spend the successor's parent, add
     * the successor, and note the grant's last use when its idle timeout needs it.
     */
    record Rotation(RefreshTokenRecord successor, boolean touchGrant) {
    }

    /** A token by the hash of its value, with its grant. */
    Optional<Presented> find(String tokenHash);

    /**
     * Carries out a rotation in one durable commit (possibly shared with concurrent rotations):
     * true when this caller spent the token, false when it was spent already or its grant was
     * revoked meanwhile. Returns only once the commit is durable.
     */
    boolean rotate(Rotation rotation);

    Optional<GrantRecord> grant(UUID grantId);

    void addGrant(GrantRecord grant);

    void addToken(RefreshTokenRecord token);

    /** Spends an unused token: true for exactly one of any number of concurrent callers. */
    boolean spend(String tokenHash, Instant at);

    /** Counts one more grace re-issue of a spent token, unless it had {@code most} already: true when counted. */
    boolean countReissue(String tokenHash, int most);

    /** Spends every unused successor of a token as superseded; waits for a rotation of one that is in flight. */
    void supersedeChildren(RefreshTokenRecord parent, Instant at);

    /** Whether a token of the grant newer than the given generation was spent by its holder. */
    boolean newerGenerationSpent(UUID grantId, int generation);

    /** Notes the grant's last use, for the idle timeout. */
    void touch(UUID grantId, Instant at);

    /** Revokes a live grant: true when it was live until now. */
    boolean revoke(UUID grantId, Instant at, String reason);

    /** What happened to a grant, in the same transaction; never a token value. */
    void record(UUID grantId, AuditEvent event, String detail, Instant at);
}
