-- One schema for H2 (in MODE=PostgreSQL) and PostgreSQL.

-- A grant is one token family: one login of one subject in one tenant for one dialect.
CREATE TABLE token_grant (
    id             UUID PRIMARY KEY,
    dialect        VARCHAR(16)              NOT NULL,
    tenant         VARCHAR(128)             NOT NULL,
    subject        VARCHAR(255)             NOT NULL,
    scope          VARCHAR(1024),
    client_id      VARCHAR(128),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at     TIMESTAMP WITH TIME ZONE,
    revoked_reason VARCHAR(32)
);

-- Refresh tokens, stored only as the SHA-256 of their value. A used token stays as a tombstone so
-- that presenting it again is recognised as reuse.
CREATE TABLE refresh_token (
    token_hash  VARCHAR(64)              PRIMARY KEY,
    grant_id    UUID                     NOT NULL REFERENCES token_grant (id),
    parent_hash VARCHAR(64),
    generation  INTEGER                  NOT NULL,
    scope       VARCHAR(1024),
    issued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX refresh_token_by_grant ON refresh_token (grant_id, generation);

-- Signing keys; the private half encrypted (AES-GCM) under the master key.
CREATE TABLE signing_key (
    kid                   VARCHAR(64)              PRIMARY KEY,
    algorithm             VARCHAR(8)               NOT NULL,
    public_jwk            VARCHAR(4096)            NOT NULL,
    encrypted_private_jwk VARCHAR(8192)            NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at            TIMESTAMP WITH TIME ZONE
);

-- What happened to grants, never with a token value.
CREATE TABLE audit_event (
    id          UUID                     PRIMARY KEY,
    grant_id    UUID,
    event_type  VARCHAR(32)              NOT NULL,
    detail      VARCHAR(512),
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX audit_event_by_grant ON audit_event (grant_id, occurred_at);
