-- Every rotation wrote this index (a random page per new token); its one reader, a grace
-- re-issue superseding a token's children, now finds them through refresh_token_by_grant.
DROP INDEX refresh_token_by_parent;
