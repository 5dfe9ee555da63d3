package rotor.server.engine;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rotor.server.engine.RefreshOutcome.Status;
import rotor.server.engine.RefreshTokenFormat.Checked;
import rotor.server.engine.RefreshTokenFormat.Form;
import rotor.server.engine.RefreshTokenFormat.NewToken;
import rotor.server.engine.RotationRules.AccessOnly;
import rotor.server.engine.RotationRules.Decision;
import rotor.server.engine.RotationRules.Refuse;
import rotor.server.engine.RotationRules.Replay;
import rotor.server.engine.RotationRules.Rotate;
import rotor.server.keys.AccessTokenMinter;
import rotor.server.store.GrantRecord;
import rotor.server.store.RefreshTokenRecord;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one token engine under every dialect: issues grants, rotates refresh tokens, detects reuse,
 * revokes. It decides with {@link RotationRules} and writes through a {@link TokenStore}; it knows
 * nothing of HTTP or SQL. Expected failures come back as {@link RefreshOutcome}s; an exception
 * means a bug or an outage.
 *
 * <p>Every change happens in one store transaction, so a fault never half-rotates (old token
 * spent, successor missing), and the tokens are minted and signed before anything is written, so
 * a signing failure spends nothing. A grant's history is its chain of refresh tokens (each row
 * says when it was issued and spent); the audit records only what changes a grant's fate:
 * creation, grace re-issues, reuse detection, revocation.
 */
@Singleton
public class TokenEngine {

    private static final Logger LOG = LoggerFactory.getLogger(TokenEngine.class);

    private final TokenStore store;
    private final Dialects dialects;
    private final DialectPolicies policies;
    private final RefreshTokenHashes hashes;
    private final AccessTokenMinter accessTokens;

    public TokenEngine(TokenStore store, Dialects dialects, DialectPolicies policies, RefreshTokenHashes hashes,
                       AccessTokenMinter accessTokens) {
        this.store = store;
        this.dialects = dialects;
        this.policies = policies;
        this.hashes = hashes;
        this.accessTokens = accessTokens;
    }

    /**
     * Starts a grant and issues its first token pair.
     *
     * @throws IllegalArgumentException when the tenant is not a tenant of the dialect
     */
    public IssuedTokens issue(GrantRequest request, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        TokenDialect dialect = dialects.of(request.dialect());
        String tenant = dialect.tenant(request.tenant()).orElseThrow(() ->
                new IllegalArgumentException("not a tenant of dialect " + request.dialect().wireName()));
        DialectPolicy policy = policies.of(request.dialect());
        GrantRecord grant = new GrantRecord(UUID.randomUUID(), request.dialect().wireName(), tenant, request.subject(),
                request.scope(), request.clientId(), at, at.plus(policy.refreshTokenLifetime()), at, null, null);
        Successor first = successor(grant, null, 1, grant.scope(), grant.scope(), at, policy);
        return store.atomically(() -> {
            store.addGrant(grant);
            store.record(grant.id(), AuditEvent.GRANT_CREATED, "dialect=" + grant.dialect(), at);
            store.addToken(first.record());
            return first.tokens();
        });
    }

    /** Spends the presented refresh token and issues its successor, or says why not. */
    public RefreshOutcome refresh(RefreshRequest request, Instant now) {
        String presented = request.presentedToken();
        if (presented == null || presented.isBlank()) {
            return RefreshOutcome.of(Status.MISSING);
        }
        TokenDialect dialect = dialects.of(request.dialect());
        Optional<String> tenant = dialect.tenant(request.tenant());
        if (tenant.isEmpty()) {
            return RefreshOutcome.of(Status.MALFORMED_TENANT);
        }
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        Checked checked = dialect.refreshTokens().check(presented, at);
        if (checked.form() != Form.WELL_FORMED) {
            return RefreshOutcome.of(checked.form() == Form.MALFORMED ? Status.MALFORMED_TOKEN : Status.INVALID_GRANT);
        }
        Presentation presentation = new Presentation(request.dialect(), tenant.get(), request.clientId(), request.requestedScope());
        try {
            return refreshPresented(presentation, presented, hashes.lookups(presented, checked.issueKey()), at);
        } catch (StoreContention contention) {
            return RefreshOutcome.of(Status.INTERNAL);
        }
    }

    /**
     * Revokes a grant: none of its refresh tokens refreshes any more.
     *
     * @return false when there is no such grant
     */
    public boolean revoke(UUID grantId, String reason, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return store.atomically(() -> {
            if (store.grant(grantId).isEmpty()) {
                return false;
            }
            if (store.revoke(grantId, at, reason)) {
                store.record(grantId, AuditEvent.REVOKED, "reason=" + reason, at);
            }
            return true;
        });
    }

    /**
     * The common case costs one read and one shared commit: the token is read outside any
     * transaction, the successor and the access token are made before anything is written (a
     * signing failure spends nothing), and the rotation is one conditional write that the store
     * may commit together with concurrent ones. Whatever else happens (a replay, a lost race, a
     * revocation in between) is settled by a transaction of its own that reads again.
     */
    private RefreshOutcome refreshPresented(Presentation presentation, String presented, List<String> lookups, Instant at) {
        Optional<Judged> judged = judge(presentation, lookups, at);
        if (judged.isEmpty()) {
            return RefreshOutcome.of(Status.INVALID_GRANT);
        }
        Judged j = judged.get();
        String hash = j.token().tokenHash();
        if (j.decision() instanceof Refuse || j.decision() instanceof AccessOnly) {
            return answerWithoutRotation(j, presented, at);
        }
        if (j.decision() instanceof Rotate rotate) {
            Successor successor = successor(j.grant(), hash, j.token().generation() + 1, j.token().scope(), rotate.scope(), at, j.policy());
            if (store.rotate(new TokenStore.Rotation(successor.record(), RotationRules.tracksLastUse(j.policy())))) {
                return RefreshOutcome.ok(successor.tokens());
            }
        }
        // A replay, or a rotation that lost a race: settled by a transaction that reads again.
        return store.atomically(() -> refreshInTransaction(presentation, presented, hash, at));
    }

    private RefreshOutcome refreshInTransaction(Presentation presentation, String presented, String hash, Instant at) {
        Optional<Judged> judged = judge(presentation, List.of(hash), at);
        if (judged.isEmpty()) {
            return RefreshOutcome.of(Status.INVALID_GRANT);
        }
        Judged j = judged.get();
        RefreshTokenRecord token = j.token();
        GrantRecord grant = j.grant();
        DialectPolicy policy = j.policy();
        Decision decision = j.decision();
        if (decision instanceof Rotate rotate && store.spend(hash, at)) {
            touchIfTracked(grant, policy, at);
            return RefreshOutcome.ok(issueSuccessor(grant, hash, token.generation() + 1, token.scope(), rotate.scope(), at, policy));
        }
        if (decision instanceof Refuse || decision instanceof AccessOnly) {
            return answerWithoutRotation(j, presented, at);
        }
        // Spent before, or a concurrent caller won the conditional update: read what it committed.
        RefreshTokenRecord spent = token.usedAt() != null ? token : store.find(hash).map(TokenStore.Presented::token).orElse(token);
        String scope = decision instanceof Rotate rotate ? rotate.scope() : ((Replay) decision).scope();
        return replay(grant, spent, scope, at, policy);
    }

    /**
     * A spent token presented again. A grace re-issue replaces the successor issued before (spent
     * in the same transaction), so the grant never has two live chains; anything else revokes the
     * whole grant (RFC 9700 section 4.14.2).
     */
    private RefreshOutcome replay(GrantRecord grant, RefreshTokenRecord spent, String scope, Instant at, DialectPolicy policy) {
        if (RotationRules.onReplay(spent, policy, at) == RotationRules.ReplayVerdict.GRACE_REISSUE
                && store.countReissue(spent.tokenHash(), policy.graceReissues())) {
            // Concurrent replays queue on the count above. Superseding the children waits for a
            // rotation of one of them that is in flight, so that the check below sees it.
            store.supersedeChildren(spent, at);
            if (!store.newerGenerationSpent(grant.id(), spent.generation())) {
                store.record(grant.id(), AuditEvent.GRACE_REISSUED, "generation=" + spent.generation(), at);
                return RefreshOutcome.ok(issueSuccessor(grant, spent.tokenHash(), spent.generation() + 1, spent.scope(), scope, at, policy));
            }
        }
        if (store.revoke(grant.id(), at, "reuse_detected")) {
            store.record(grant.id(), AuditEvent.REUSE_DETECTED, "generation=" + spent.generation(), at);
            LOG.warn("Refresh token reuse detected: grant {} revoked (generation={})", grant.id(), spent.generation());
        }
        return RefreshOutcome.of(Status.REUSED);
    }

    /** A presented token with its grant, and what the rules say of it. */
    private record Judged(RefreshTokenRecord token, GrantRecord grant, DialectPolicy policy, Decision decision) {
    }

    /** The presented token under the first of its stored forms that the store has, judged. */
    private Optional<Judged> judge(Presentation presentation, List<String> lookups, Instant at) {
        DialectPolicy policy = policies.of(presentation.dialect());
        for (String hash : lookups) {
            Optional<TokenStore.Presented> found = store.find(hash);
            if (found.isPresent()) {
                TokenStore.Presented p = found.get();
                Decision decision = RotationRules.decide(p.grant(), p.token(), presentation, policy, at);
                return Optional.of(new Judged(p.token(), p.grant(), policy, decision));
            }
        }
        return Optional.empty();
    }

    /** A refusal, or a new access token for the same refresh token when rotation is off. */
    private RefreshOutcome answerWithoutRotation(Judged j, String presented, Instant at) {
        if (j.decision() instanceof Refuse refuse) {
            return RefreshOutcome.of(refuse.status());
        }
        String scope = ((AccessOnly) j.decision()).scope();
        touchIfTracked(j.grant(), j.policy(), at);
        return RefreshOutcome.ok(withAccessToken(j.grant(), presented, j.token().expiresAt(), scope, at, j.policy()));
    }

    private void touchIfTracked(GrantRecord grant, DialectPolicy policy, Instant at) {
        if (RotationRules.tracksLastUse(policy)) {
            store.atomically(() -> { // joins the transaction of a caller that has one
                store.touch(grant.id(), at);
                return null;
            });
        }
    }

    private IssuedTokens issueSuccessor(GrantRecord grant, String parentHash, int generation, String refreshScope, String accessScope,
                                        Instant at, DialectPolicy policy) {
        Successor successor = successor(grant, parentHash, generation, refreshScope, accessScope, at, policy);
        store.addToken(successor.record());
        return successor.tokens();
    }

    /** A new refresh token, its row, and the access token that goes with it: made, not yet stored. */
    private record Successor(RefreshTokenRecord record, IssuedTokens tokens) {
    }

    /**
     * A narrower scope asked for narrows the access token only. RFC 6749 section 6: "If a new
     * refresh token is issued, the refresh token scope MUST be identical to that of the refresh
     * token included by the client in the request"; a later refresh that omits scope gets the
     * scope originally granted.
     */
    private Successor successor(GrantRecord grant, String parentHash, int generation, String refreshScope, String accessScope,
                                Instant at, DialectPolicy policy) {
        Instant refreshExpires = RotationRules.refreshExpiry(grant, policy, at);
        RefreshTokenFormat format = dialectOf(grant).refreshTokens();
        String refreshToken = format.mint(new NewToken(grant.subject(), at, refreshExpires));
        RefreshTokenRecord record = RefreshTokenRecord.issued(hashes.stored(format, refreshToken, at), grant.id(), parentHash, generation,
                refreshScope, at, refreshExpires);
        return new Successor(record, withAccessToken(grant, refreshToken, refreshExpires, accessScope, at, policy));
    }

    private IssuedTokens withAccessToken(GrantRecord grant, String refreshToken, Instant refreshExpires, String scope,
                                         Instant at, DialectPolicy policy) {
        TokenDialect dialect = dialectOf(grant);
        Instant accessExpires = RotationRules.accessExpiry(grant, policy, at);
        String accessToken = accessTokens.mint(policy.audience(), grant.subject(), grant.tenant(), scope, grant.id(), at,
                accessExpires, dialect.accessTokenClaims(grant));
        return new IssuedTokens(grant.id(), dialect.id(), grant.tenant(), grant.subject(), scope, grant.clientId(),
                refreshToken, refreshExpires, accessToken, at, accessExpires);
    }

    private TokenDialect dialectOf(GrantRecord grant) {
        return dialects.of(Dialect.fromWireName(grant.dialect()).orElseThrow());
    }
}
