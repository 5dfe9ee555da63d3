-- Retention deletes by age; each of its scans needs an index, or it reads every row ever written.
CREATE INDEX refresh_token_by_expiry ON refresh_token (expires_at);
CREATE INDEX token_grant_by_expiry ON token_grant (expires_at);
CREATE INDEX token_grant_by_revocation ON token_grant (revoked_at);
CREATE INDEX audit_event_by_time ON audit_event (occurred_at);

-- One row per background job that one instance of many should run at a time: whoever moves
-- lease_until into the future with a conditional update runs it.
CREATE TABLE job_lease (
    name        VARCHAR(64) PRIMARY KEY,
    owner       VARCHAR(64),
    lease_until TIMESTAMP WITH TIME ZONE
);
INSERT INTO job_lease (name) VALUES ('retention');
