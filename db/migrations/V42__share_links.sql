-- Issue 19, item 4 (share with the patient): a read-only link to one video's session report (video_id set) or to one
-- subject's progress page (video_id null), opened without an account. Only the SHA-256 of the token is kept (the link
-- is shown once); the optional PIN is kept as a bcrypt hash; after 5 wrong PINs the link locks. A link ends at
-- expires_at or when a clinician withdraws it (revoked_at); erased with its subject or video.
create table share_link (
    id          bigint generated always as identity primary key,
    clinic_id   bigint      not null,
    subject_id  bigint      not null,
    video_id    bigint,
    token_hash  text        not null unique,
    pin_hash    text,
    failed_pins int         not null default 0,
    expires_at  timestamptz not null,
    revoked_at  timestamptz,
    created_by  bigint      references account (id) on delete set null,
    created_at  timestamptz not null default now(),
    foreign key (subject_id, clinic_id) references subject (id, clinic_id) on delete cascade,
    foreign key (video_id, clinic_id) references video (id, clinic_id) on delete cascade
);
create index share_link_subject_idx on share_link (clinic_id, subject_id, created_at desc);
