-- Failed sign-ins per user name and per client address (issue 15): kept in the database so that a restart forgets
-- nothing and every web node of one database counts the same failures (DatabaseSignInFailures). Keys are SHA-256
-- hashes of the lower-cased user name or of the address: a mistyped name, a password typed into the name field, or
-- the client's address is not stored in the clear. Rows long quiet are deleted as failures come in.
create table sign_in_failure (
    kind          text        not null check (kind in ('account', 'address')),
    key_hash      text        not null check (key_hash ~ '^[0-9a-f]{64}$'),
    failures      integer     not null check (failures > 0),
    last_at       timestamptz not null,
    blocked_until timestamptz not null,
    primary key (kind, key_hash)
);

create index sign_in_failure_last_at on sign_in_failure (kind, last_at);
