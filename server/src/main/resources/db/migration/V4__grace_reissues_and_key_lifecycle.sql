-- A grace re-issue spends the successor it replaces (superseded = TRUE, so that presenting that
-- successor later is reuse, and so that it does not count as a newer generation being used), and
-- counts how often a token was re-issued, so that a conditional update caps it across instances.
ALTER TABLE refresh_token ADD COLUMN reissues INTEGER NOT NULL DEFAULT 0;
ALTER TABLE refresh_token ADD COLUMN superseded BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX refresh_token_by_parent ON refresh_token (parent_hash);

-- A new signing key is published before it signs (activates_at), so that every instance and every
-- JWKS consumer knows it by then; a retired key verifies until every token it signed has expired.
ALTER TABLE signing_key ADD COLUMN activates_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE signing_key ADD COLUMN verify_until TIMESTAMP WITH TIME ZONE;
UPDATE signing_key SET activates_at = created_at;
-- Keys retired before this migration signed tokens of at most 30 days (the longest default lifetime).
UPDATE signing_key SET verify_until = retired_at + INTERVAL '30' DAY WHERE retired_at IS NOT NULL;
ALTER TABLE signing_key ALTER COLUMN activates_at SET NOT NULL;
