-- Sign-in with the organisation's directory (OpenID Connect, LDAP / Active Directory).
-- An account made by a directory carries where it comes from and the directory's own,
-- stable name for the person (the ID token's `sub`, the entry's DN): a sign-in finds
-- its account by these, never by the login name, so a directory user cannot take over a
-- local account that happens to bear the same name.
ALTER TABLE users ADD COLUMN auth_source TEXT NOT NULL DEFAULT 'local';
ALTER TABLE users ADD COLUMN external_id TEXT;
-- When the directory last said the account may still be signed in (LDAP is asked again
-- every few minutes while the account has a session).
ALTER TABLE users ADD COLUMN directory_checked_at BIGINT;
CREATE UNIQUE INDEX users_external ON users(org_id, auth_source, external_id)
    WHERE external_id IS NOT NULL;

-- Which directory group gives which role and reach. The rows are read in `position`
-- order: the first group the person is in decides the role, and the reach is that of
-- every group they are in with that role.
CREATE TABLE directory_groups (
    id BLOB PRIMARY KEY,
    org_id BLOB NOT NULL REFERENCES organisations(id),
    position BIGINT NOT NULL,
    group_name TEXT NOT NULL,
    role TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    CONSTRAINT directory_groups_name_unique UNIQUE (org_id, group_name)
);
CREATE TABLE directory_group_scopes (
    group_id BLOB NOT NULL REFERENCES directory_groups(id) ON DELETE CASCADE,
    region_id BLOB REFERENCES regions(id),
    site_id BLOB REFERENCES sites(id)
);
CREATE INDEX directory_group_scopes_group ON directory_group_scopes(group_id);
