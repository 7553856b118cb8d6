-- The foundation: clinics own everything. Child tables carry clinic_id and reference their parent by
-- (id, clinic_id), so the database itself refuses a session or video hung under another clinic's row.

create table clinic (
    id         bigint generated always as identity primary key,
    name       text        not null check (length(trim(name)) > 0),
    created_at timestamptz not null default now()
);

create table account (
    id                bigint generated always as identity primary key,
    clinic_id         bigint      not null references clinic (id) on delete cascade,
    username          text        not null check (length(trim(username)) > 0),
    display_name      text        not null,
    role              text        not null check (role in ('admin', 'clinician', 'viewer')),
    -- null until the user has chosen a password through their invite link
    password_hash     text,
    enabled           boolean     not null default true,
    -- SHA-256 of the one-time invite token; the token itself is shown once and never stored
    invite_token_hash text unique,
    invite_expires_at timestamptz,
    created_at        timestamptz not null default now()
);
create unique index account_username_key on account (lower(username));
create index account_clinic_idx on account (clinic_id);

create table subject (
    id                 bigint generated always as identity primary key,
    clinic_id          bigint      not null references clinic (id) on delete cascade,
    display_name       text        not null check (length(trim(display_name)) > 0),
    external_id        text,
    birth_date         date,
    sport_or_condition text,
    involved_side      text        not null default 'none' check (involved_side in ('left', 'right', 'both', 'none')),
    notes              text,
    created_at         timestamptz not null default now(),
    unique (id, clinic_id)
);
create index subject_clinic_idx on subject (clinic_id, lower(display_name));

create table session (
    id           bigint generated always as identity primary key,
    clinic_id    bigint      not null,
    subject_id   bigint      not null,
    session_date date        not null,
    exercise     text        not null check (exercise in ('squat', 'lunge', 'sit-to-stand', 'knee-rom',
                                 'shoulder-abduction', 'shoulder-flexion', 'gait', 'cmj', 'other')),
    notes        text,
    created_at   timestamptz not null default now(),
    unique (id, clinic_id),
    foreign key (subject_id, clinic_id) references subject (id, clinic_id) on delete cascade
);
create index session_subject_idx on session (clinic_id, subject_id, session_date desc);

create table video (
    id                  bigint generated always as identity primary key,
    clinic_id           bigint           not null,
    session_id          bigint           not null,
    -- the file's name in the storage directory; the user's file name is only display text
    storage_name        uuid             not null unique,
    original_name       text             not null,
    size_bytes          bigint           not null,
    container           text,
    codec               text,
    width               int              not null,
    height              int              not null,
    rotation_deg        int              not null default 0,
    frames              bigint           not null,
    duration_s          double precision not null,
    nominal_fps         double precision not null,
    variable_frame_rate boolean          not null,
    has_audio           boolean          not null,
    -- analysis life cycle, driven by the job runner
    status              text             not null default 'uploaded'
                            check (status in ('uploaded', 'queued', 'analysing', 'done', 'failed')),
    status_message      text,
    uploaded_by         bigint           references account (id) on delete set null,
    uploaded_at         timestamptz      not null default now(),
    unique (id, clinic_id),
    foreign key (session_id, clinic_id) references session (id, clinic_id) on delete cascade
);
create index video_session_idx on video (clinic_id, session_id);
create index video_status_idx on video (status) where status in ('uploaded', 'queued', 'analysing');

-- Who did what to which subject's media. No foreign keys to subject/video: the trail outlives erasure.
create table audit_event (
    id           bigint generated always as identity primary key,
    clinic_id    bigint      not null references clinic (id) on delete cascade,
    at           timestamptz not null default now(),
    account_id   bigint,
    username     text        not null,
    action       text        not null check (action in ('viewed', 'uploaded', 'exported', 'deleted')),
    subject_id   bigint,
    subject_name text,
    video_id     bigint,
    detail       text
);
create index audit_event_clinic_idx on audit_event (clinic_id, at desc);
