package rotor.server.engine;

/**
 * What can happen to a grant, as the audit trail records it. A rotation is no event: the token
 * chain itself records it (each token's issue and spend); stores written before that may still
 * hold ROTATED rows, which nothing reads.
 */
public enum AuditEvent { GRANT_CREATED, GRACE_REISSUED, REUSE_DETECTED, REVOKED }
