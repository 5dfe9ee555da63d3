-- OAuth clients of the standard contract; the secret is stored as its SHA-256 only.
CREATE TABLE oauth_client (
    client_id   VARCHAR(64)              PRIMARY KEY,
    secret_hash VARCHAR(64)              NOT NULL,
    client_name VARCHAR(255),
    scope       VARCHAR(1024),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Workspace API keys (mielto's DualAuthScheme), stored as their SHA-256 only.
CREATE TABLE api_key (
    id           UUID                     PRIMARY KEY,
    key_hash     VARCHAR(64)              NOT NULL UNIQUE,
    workspace_id VARCHAR(128)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Upstream OAuth credentials that mielto refreshes. Every secret sealed (AES-GCM) under the master key.
CREATE TABLE upstream_connection (
    id                   VARCHAR(64)              PRIMARY KEY,
    workspace_id         VARCHAR(128)             NOT NULL,
    token_url            VARCHAR(2048)            NOT NULL,
    client_id            VARCHAR(255)             NOT NULL,
    client_auth_method   VARCHAR(32)              NOT NULL,
    sealed_client_secret VARCHAR(8192)            NOT NULL,
    sealed_refresh_token VARCHAR(16384)           NOT NULL,
    sealed_access_token  VARCHAR(16384),
    expires_at           TIMESTAMP WITH TIME ZONE,
    status               VARCHAR(16)              NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    refreshed_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX upstream_connection_by_workspace ON upstream_connection (workspace_id);
