package rotor.server.engine;

/** What can happen to a grant, as the audit trail records it. */
public enum AuditEvent { GRANT_CREATED, ROTATED, GRACE_REISSUED, REUSE_DETECTED, REVOKED }
