-- A connection's secrets are sealed (AES-GCM) as base64 of their UTF-8 bytes: a value within
-- admin.yaml's maxLength (which counts characters) takes up to 3 bytes per character, so the
-- sealed form of a 4096-character client secret reaches 16,424 characters and that of an
-- 8192-character token 32,808. The columns were sized for ASCII, and such a value was a 500.
ALTER TABLE upstream_connection ALTER COLUMN sealed_client_secret SET DATA TYPE VARCHAR(16448);
ALTER TABLE upstream_connection ALTER COLUMN sealed_refresh_token SET DATA TYPE VARCHAR(32832);
ALTER TABLE upstream_connection ALTER COLUMN sealed_access_token SET DATA TYPE VARCHAR(32832);
