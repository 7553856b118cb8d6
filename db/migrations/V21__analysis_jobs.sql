-- Analysis jobs (issue 6): one row per requested analysis of a video, keyed by the JobRunr job id. JobRunr owns
-- scheduling, retries and crash recovery (its own jobrunr_* tables); this row is what users see: state, stage,
-- percentage and the reason of a failure, written by whichever worker runs the job, read by every web node.
create table analysis_job (
    job_id           uuid primary key,
    clinic_id        bigint           not null,
    video_id         bigint           not null,
    model            text,                                -- null: the worker's configured default (pose.model)
    exercise         text,                                -- template id, null: guess from the movement
    state            text             not null default 'queued'
                         check (state in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    stage            text,                                -- poses, tracking, kinematics, points, storing, done
    fraction         double precision not null default 0, -- of the whole analysis, 0 to 1
    frames_done      bigint           not null default 0,
    frames_total     bigint           not null default 0,
    attempts         int              not null default 0, -- runs started (retries and recoveries after a crash count)
    worker           text,                                -- host:pid of the worker that ran it last
    message          text,                                -- why it failed, or what the user should know
    cancel_requested boolean          not null default false,
    requested_by     bigint           references account (id) on delete set null,
    created_at       timestamptz      not null default now(),
    started_at       timestamptz,
    updated_at       timestamptz      not null default now(),
    finished_at      timestamptz,
    foreign key (video_id, clinic_id) references video (id, clinic_id) on delete cascade
);
create index analysis_job_video_idx on analysis_job (clinic_id, video_id, created_at desc);
create index analysis_job_active_idx on analysis_job (state) where state in ('queued', 'running');
