-- Issue #18, item 2: personal API tokens for scripts (Authorization: Bearer on /api/v1). A token is shown once and
-- stored as the SHA-256 of its secret (the secret has 192 random bits, so a fast hash is enough: nothing to guess).
-- It acts for its account in the account's clinic with the role it was made with or the account's current role,
-- whichever is lower; a disabled account's tokens stop at once (checked on every request, like sessions).

create table api_token (
    id           bigint generated always as identity primary key,
    clinic_id    bigint      not null references clinic (id) on delete cascade,
    account_id   bigint      not null references account (id) on delete cascade,
    name         text        not null check (length(trim(name)) between 1 and 100),
    token_hash   text        not null unique,
    -- the first characters of the secret, so its owner can tell tokens apart; not enough to use it
    token_prefix text        not null,
    role         text        not null check (role in ('admin', 'clinician', 'viewer')),
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    check (expires_at > created_at)
);
create index api_token_account_idx on api_token (account_id);

-- Tokens made and revoked, and their use (one entry per token, method and endpoint per minute), are in the audit log.
-- NOTE for merges: a later migration that redefines this check must keep these three actions.
alter table audit_event drop constraint audit_event_action_check;
alter table audit_event add constraint audit_event_action_check
    check (action in ('viewed', 'created', 'changed', 'uploaded', 'exported', 'deleted', 'tracked',
                      'signed_in', 'sign_in_failed',
                      'user_invited', 'invite_accepted', 'password_reset', 'role_changed', 'user_disabled', 'user_enabled',
                      'token_created', 'token_revoked', 'token_used'));
