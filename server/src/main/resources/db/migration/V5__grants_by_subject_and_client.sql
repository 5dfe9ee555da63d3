-- Revoking everything of a subject (DELETE /admin/v1/subjects/{tenant}/{subject}/grants) and every
-- grant of a deleted OAuth client look grants up by these columns; without an index each is a
-- scan of every grant ever issued.
CREATE INDEX token_grant_by_subject ON token_grant (tenant, subject);
CREATE INDEX token_grant_by_client ON token_grant (client_id);
