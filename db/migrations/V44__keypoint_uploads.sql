-- Issue 18, item 4 (keypoint import in the web app): keypoints made by other tools (OpenPose's per-frame JSON as a .zip,
-- MediaPipe/BlazePose JSON, a Sports2D/Pose2Sim .trc) are uploaded to a session and analysed by a job through the same
-- tracking and kinematics as a video, into the same analysis tables.
--
-- Every analysis hangs off a video row. An import attached to one of the session's videos analyses that video (the
-- overlay is drawn on it); an import without a video gets a video row of its own with media 'keypoints': no playable
-- file, its storage name is the keypoint file's, and its frame size, frames and rate are filled in by its first analysis.
-- Existing rows are videos.
alter table video add column media text not null default 'video' check (media in ('video', 'keypoints'));

-- The uploaded keypoint file, stored under a generated name in the video directory, with what the user told about it.
create table keypoint_file (
    id            bigint generated always as identity primary key,
    clinic_id     bigint           not null,
    session_id    bigint           not null,
    -- the video it belongs to: the session's video it was attached to, or its own media-less row
    video_id      bigint           not null,
    storage_name  uuid             not null unique,
    original_name text             not null,
    size_bytes    bigint           not null,
    format        text             not null check (format in ('openpose', 'mediapipe', 'trc')),
    -- how it came: a .zip of OpenPose's per-frame files, one JSON file, a .trc
    packaging     text             not null check (packaging in ('zip', 'json', 'trc')),
    -- the frame rate and frame size the user gave for a file that does not state them (null: the file's, else the video's)
    fps           double precision check (fps is null or (fps > 0 and fps <= 1000)),
    frame_width   int              check (frame_width is null or frame_width between 1 and 16384),
    frame_height  int              check (frame_height is null or frame_height between 1 and 16384),
    uploaded_by   bigint           references account (id) on delete set null,
    uploaded_at   timestamptz      not null default now(),
    unique (id, clinic_id),
    foreign key (video_id, clinic_id) references video (id, clinic_id) on delete cascade,
    foreign key (session_id, clinic_id) references session (id, clinic_id) on delete cascade
);
create index keypoint_file_video_idx on keypoint_file (clinic_id, video_id, uploaded_at desc);

-- A job that reads keypoints instead of decoding its video; null: the video is decoded (every job before this one).
alter table analysis_job add column keypoint_file_id bigint references keypoint_file (id) on delete cascade;
