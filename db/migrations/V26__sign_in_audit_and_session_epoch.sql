-- Sessions follow the account: every signed-in session remembers the epoch its account had at sign-in, and a
-- request whose epoch is behind the account's is signed out. Disabling a user and resetting or setting their
-- password move the epoch on; a role change is applied to live sessions in place (see AccountSessionFilter).
alter table account add column session_epoch int not null default 0;

-- Sign-ins and failed sign-ins of a clinic's accounts are audited (unknown user names have no clinic: they go to
-- the server log only).
alter table audit_event drop constraint audit_event_action_check;
alter table audit_event add constraint audit_event_action_check
    check (action in ('viewed', 'uploaded', 'exported', 'deleted', 'tracked', 'signed_in', 'sign_in_failed'));
