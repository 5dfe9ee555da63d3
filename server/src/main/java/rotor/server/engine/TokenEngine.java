package rotor.server.engine;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import rotor.server.engine.RefreshOutcome.Status;
import rotor.server.engine.RefreshTokenFormat.Form;
import rotor.server.engine.RefreshTokenFormat.NewToken;
import rotor.server.keys.AccessTokenMinter;
import rotor.server.keys.RandomTokens;
import rotor.server.keys.SecretHasher;
import rotor.server.keys.StoredKeySignature;
import rotor.server.store.GrantRecord;
import rotor.server.store.GrantRepository;
import rotor.server.store.RefreshTokenRecord;
import rotor.server.store.RefreshTokenRepository;

import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one token engine under every dialect: issues grants, rotates refresh tokens, detects reuse,
 * revokes. It knows nothing of HTTP; expected failures come back as {@link RefreshOutcome}s, and an
 * exception means a bug or an outage.
 *
 * <p>Every change happens in one database transaction, so a fault never half-rotates (old token
 * spent, successor missing), and the access token is signed before the commit, so a signing failure
 * rolls the rotation back instead of spending a token the client never received.
 */
@Singleton
public class TokenEngine {

    private static final Logger LOG = LoggerFactory.getLogger(TokenEngine.class);
    private static final int ATTEMPTS = 4;

    private final GrantRepository grants;
    private final RefreshTokenRepository tokens;
    private final SecretHasher hasher;
    private final AccessTokenMinter accessTokens;
    private final DialectPolicies policies;
    private final AuditTrail audit;
    private final TransactionOperations<Connection> transactions;
    private final RefreshTokenFormat opaque;
    private final RefreshTokenFormat sessionJwt;

    public TokenEngine(GrantRepository grants, RefreshTokenRepository tokens, SecretHasher hasher,
                       AccessTokenMinter accessTokens, StoredKeySignature signature, DialectPolicies policies,
                       AuditTrail audit, TransactionOperations<Connection> transactions, RandomTokens randomTokens) {
        this.grants = grants;
        this.tokens = tokens;
        this.hasher = hasher;
        this.accessTokens = accessTokens;
        this.policies = policies;
        this.audit = audit;
        this.transactions = transactions;
        this.opaque = new OpaqueRefreshTokens(randomTokens);
        this.sessionJwt = new SessionRefreshTokens(signature, new SecureRandom());
    }

    /**
     * Starts a grant and issues its first token pair.
     *
     * @throws IllegalArgumentException when the tenant is not a tenant of the dialect
     */
    public IssuedTokens issue(GrantRequest request, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        String tenant = Tenants.canonical(request.dialect(), request.tenant()).orElseThrow(() ->
                new IllegalArgumentException("not a tenant of dialect " + request.dialect().wireName()));
        DialectPolicy policy = policies.of(request.dialect());
        GrantRecord grant = new GrantRecord(UUID.randomUUID(), request.dialect().wireName(), tenant, request.subject(),
                request.scope(), request.clientId(), at, at.plus(policy.refreshTokenLifetime()), at, null, null);
        return transactions.executeWrite(status -> {
            grants.save(grant);
            audit.record(grant.id(), AuditTrail.Event.GRANT_CREATED, "dialect=" + grant.dialect(), at);
            return issueSuccessor(grant, null, 1, grant.scope(), at, policy);
        });
    }

    /** Spends the presented refresh token and issues its successor, or says why not. */
    public RefreshOutcome refresh(RefreshRequest request, Instant now) {
        String presented = request.presentedToken();
        if (presented == null || presented.isBlank()) {
            return RefreshOutcome.of(Status.MISSING);
        }
        Optional<String> tenant = Tenants.canonical(request.dialect(), request.tenant());
        if (tenant.isEmpty()) {
            return RefreshOutcome.of(Status.MALFORMED);
        }
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        Form form = formatOf(request.dialect()).check(presented, at);
        if (form != Form.WELL_FORMED) {
            return RefreshOutcome.of(form == Form.MALFORMED ? Status.MALFORMED : Status.INVALID_GRANT);
        }
        String hash = hasher.hash(presented);
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.executeWrite(status -> refreshInTransaction(request, tenant.get(), presented, hash, at));
            } catch (RuntimeException failure) {
                if (!TransientDatabaseFailure.is(failure)) {
                    throw failure;
                }
                if (attempt == ATTEMPTS) {
                    LOG.warn("Refresh gave up after {} transient database failures", ATTEMPTS);
                    return RefreshOutcome.of(Status.INTERNAL);
                }
            }
        }
    }

    /**
     * Revokes a grant: none of its refresh tokens refreshes any more.
     *
     * @return false when there is no such grant
     */
    public boolean revoke(UUID grantId, String reason, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return transactions.executeWrite(status -> {
            if (grants.findById(grantId).isEmpty()) {
                return false;
            }
            if (grants.revoke(grantId, at, reason) == 1) {
                audit.record(grantId, AuditTrail.Event.REVOKED, "reason=" + reason, at);
            }
            return true;
        });
    }

    private RefreshOutcome refreshInTransaction(RefreshRequest request, String tenant, String presented, String hash, Instant at) {
        Optional<RefreshTokenRecord> found = tokens.findById(hash);
        if (found.isEmpty()) {
            return RefreshOutcome.of(Status.INVALID_GRANT);
        }
        RefreshTokenRecord token = found.get();
        GrantRecord grant = grants.findById(token.grantId()).orElseThrow();
        if (!belongsTo(grant, request, tenant)) {
            // Said as "unknown", never "wrong tenant": that would tell the caller the token exists.
            return RefreshOutcome.of(Status.INVALID_GRANT);
        }
        if (grant.revokedAt() != null) {
            return RefreshOutcome.of(Status.REVOKED);
        }
        DialectPolicy policy = policies.of(request.dialect());
        if (expired(grant, token, policy, at)) {
            return RefreshOutcome.of(Status.INVALID_GRANT);
        }
        if (!Scopes.allows(token.scope(), request.requestedScope())) {
            return RefreshOutcome.of(Status.INVALID_SCOPE);
        }
        String scope = Scopes.narrowed(token.scope(), request.requestedScope());
        if (!policy.rotation() && token.usedAt() == null) {
            grants.touch(grant.id(), at);
            return RefreshOutcome.ok(reissueAccessOnly(grant, presented, token, scope, at, policy));
        }
        if (token.usedAt() == null && tokens.markUsed(hash, at) == 1) {
            grants.touch(grant.id(), at);
            audit.record(grant.id(), AuditTrail.Event.ROTATED, "generation=" + (token.generation() + 1), at);
            return RefreshOutcome.ok(issueSuccessor(grant, hash, token.generation() + 1, scope, at, policy));
        }
        return reuse(grant, token, scope, at, policy);
    }

    /**
     * A spent token presented again. Inside the grace period, the immediately superseded token (no
     * newer one of the grant was spent yet) gets a fresh successor, at most graceReissues times:
     * that is the lost-response retry. The successor issued before is spent in the same transaction,
     * so the grant never has two live chains (a thief's replay cannot fork the family unnoticed).
     * Anything else is replay: the whole grant is revoked (RFC 9700 section 4.14.2).
     */
    private RefreshOutcome reuse(GrantRecord grant, RefreshTokenRecord token, String scope, Instant at, DialectPolicy policy) {
        // A concurrent rotation or re-issue won the conditional update: read what it committed.
        RefreshTokenRecord spent = token.usedAt() != null ? token : tokens.findById(token.tokenHash()).orElse(token);
        Instant usedAt = spent.usedAt() != null ? spent.usedAt() : at;
        boolean inGrace = !policy.gracePeriod().isZero() && !at.isAfter(usedAt.plus(policy.gracePeriod()));
        if (inGrace && !spent.superseded() && tokens.countReissue(token.tokenHash(), policy.graceReissues()) == 1) {
            // Concurrent replays queue on the count above. Superseding the children waits for a
            // rotation of one of them that is in flight, so that the count below sees it.
            tokens.supersedeChildren(token.tokenHash(), at);
            if (tokens.countUsedAfter(grant.id(), token.generation()) == 0) {
                audit.record(grant.id(), AuditTrail.Event.GRACE_REISSUED, "generation=" + token.generation(), at);
                return RefreshOutcome.ok(issueSuccessor(grant, token.tokenHash(), token.generation() + 1, scope, at, policy));
            }
        }
        if (grants.revoke(grant.id(), at, "reuse_detected") == 1) {
            audit.record(grant.id(), AuditTrail.Event.REUSE_DETECTED, "generation=" + token.generation(), at);
        }
        return RefreshOutcome.of(Status.REUSED);
    }

    private IssuedTokens issueSuccessor(GrantRecord grant, String parentHash, int generation, String scope, Instant at,
                                        DialectPolicy policy) {
        Dialect dialect = Dialect.valueOf(grant.dialect().toUpperCase(java.util.Locale.ROOT));
        Instant refreshExpires = earliest(at.plus(policy.refreshTokenLifetime()), grant.expiresAt());
        String refreshToken = formatOf(dialect).mint(new NewToken(grant.subject(), at, refreshExpires));
        tokens.save(RefreshTokenRecord.issued(hasher.hash(refreshToken), grant.id(), parentHash, generation, scope, at,
                refreshExpires));
        return withAccessToken(grant, dialect, refreshToken, refreshExpires, scope, at, policy);
    }

    private IssuedTokens reissueAccessOnly(GrantRecord grant, String presented, RefreshTokenRecord token, String scope,
                                           Instant at, DialectPolicy policy) {
        Dialect dialect = Dialect.valueOf(grant.dialect().toUpperCase(java.util.Locale.ROOT));
        return withAccessToken(grant, dialect, presented, token.expiresAt(), scope, at, policy);
    }

    private IssuedTokens withAccessToken(GrantRecord grant, Dialect dialect, String refreshToken, Instant refreshExpires,
                                         String scope, Instant at, DialectPolicy policy) {
        Instant accessExpires = earliest(at.plus(policy.accessTokenLifetime()), grant.expiresAt());
        String accessToken = accessTokens.mint(policy.audience(), grant.subject(), grant.tenant(), scope, grant.id(), at, accessExpires,
                extraClaims(dialect, grant));
        return new IssuedTokens(grant.id(), dialect, grant.tenant(), grant.subject(), scope, grant.clientId(),
                refreshToken, refreshExpires, accessToken, at, accessExpires);
    }

    private static Map<String, Object> extraClaims(Dialect dialect, GrantRecord grant) {
        if (dialect == Dialect.SESSION) {
            return Map.of("token_type", "access");
        }
        return grant.clientId() != null ? Map.of("client_id", grant.clientId()) : Map.of();
    }

    private static boolean belongsTo(GrantRecord grant, RefreshRequest request, String tenant) {
        return grant.dialect().equals(request.dialect().wireName())
                && grant.tenant().equals(tenant)
                && (request.clientId() == null || request.clientId().equals(grant.clientId()));
    }

    private static boolean expired(GrantRecord grant, RefreshTokenRecord token, DialectPolicy policy, Instant at) {
        boolean idle = !policy.idleTimeout().isZero() && at.isAfter(grant.lastUsedAt().plus(policy.idleTimeout()));
        return !at.isBefore(grant.expiresAt()) || !at.isBefore(token.expiresAt()) || idle;
    }

    private RefreshTokenFormat formatOf(Dialect dialect) {
        return dialect == Dialect.SESSION ? sessionJwt : opaque;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
