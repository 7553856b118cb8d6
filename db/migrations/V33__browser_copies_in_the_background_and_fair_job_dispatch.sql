-- Issue #15. Browser copies are made once per video in the background, never by a request; each video says where
-- its copy stands ('as-uploaded': browsers play the upload itself; null: uploaded before this, not looked at yet).
alter table video add column playback text
    check (playback in ('as-uploaded', 'pending', 'converting', 'ready', 'failed'));
alter table video add column playback_reason text;             -- why browsers need a copy, e.g. "HEVC (H.265) video"
alter table video add column playback_fraction real not null default 0;
alter table video add column playback_message text;            -- why the copy could not be made
alter table video add column playback_updated_at timestamptz;  -- a conversion alive touches it every few seconds
create index video_playback_idx on video (playback) where playback is null or playback in ('pending', 'converting');

-- Fair share of the job workers between clinics: a queued job is handed to JobRunr only when its clinic's turn comes
-- (analysis/FairDispatch). Jobs already handed over before this migration count as dispatched.
alter table analysis_job add column dispatched_at timestamptz;
update analysis_job set dispatched_at = created_at where state in ('queued', 'running');
create index analysis_job_waiting_idx on analysis_job (clinic_id, created_at) where state = 'queued' and dispatched_at is null;
