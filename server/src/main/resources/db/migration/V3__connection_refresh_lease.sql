-- A refresh of a connection claims it with a lease that expires, rather than holding a row lock
-- (and so a pooled database connection) while the upstream answers: one instance calls the
-- upstream, the others wait a bounded time, and a holder that died loses its claim when it expires.
ALTER TABLE upstream_connection ADD COLUMN refresh_lease_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE upstream_connection ADD COLUMN refresh_lease_owner VARCHAR(64);
