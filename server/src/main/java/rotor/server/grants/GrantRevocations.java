package rotor.server.grants;

import jakarta.inject.Singleton;
import rotor.server.engine.AuditEvent;
import rotor.server.engine.RotationRules.GrantState;
import rotor.server.engine.TokenEngine;
import rotor.server.engine.TokenStore;
import rotor.server.store.GrantRecord;
import rotor.server.store.GrantRepository;
import rotor.server.store.StorableText;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

/**
 * Revokes many grants at once: every grant of a subject (log out everywhere), every grant of a
 * deleted OAuth client. Each revocation is recorded in the audit trail as {@link TokenEngine#revoke}
 * records one, in the same transaction.
 */
@Singleton
public class GrantRevocations {

    private final GrantRepository grants;
    private final GrantHistory history;
    private final TokenStore store;

    public GrantRevocations(GrantRepository grants, GrantHistory history, TokenStore store) {
        this.grants = grants;
        this.history = history;
        this.store = store;
    }

    /**
     * Revokes every live grant of one subject in one tenant, whatever its dialect.
     *
     * @param tenant the tenant as grants store it (canonical): dialects share no tenant syntax, so
     *               it cannot be canonicalised without knowing the dialect
     * @return how many grants this call revoked
     */
    public int revokeSubject(String tenant, String subject, Instant now) {
        if (!StorableText.storable(tenant) || !StorableText.storable(subject)) {
            return 0;
        }
        return revokeLive(() -> grants.findByTenantAndSubjectAndRevokedAtIsNull(tenant, subject), "subject_revocation", now);
    }

    /** Revokes every live grant of an OAuth client; joins the caller's transaction (the client's deletion). */
    public int revokeClient(String clientId, Instant now) {
        return revokeLive(() -> grants.findByClientIdAndRevokedAtIsNull(clientId), "client_deleted", now);
    }

    private int revokeLive(Supplier<List<GrantRecord>> candidates, String reason, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return store.atomically(() -> {
            int revoked = 0;
            for (GrantRecord grant : candidates.get()) {
                // The conditional update counts a grant once even when a concurrent revocation got there first.
                if (history.stateOf(grant, at) == GrantState.ACTIVE && store.revoke(grant.id(), at, reason)) {
                    store.record(grant.id(), AuditEvent.REVOKED, "reason=" + reason, at);
                    revoked++;
                }
            }
            return revoked;
        });
    }
}
