-- Issue #14, web: the triangulated skeleton itself (for the rotatable 3D view and its reprojection on each camera's
-- video), the pose model chosen per recording, and calibrations made in the app from checkerboard videos.

-- One row per multi-camera analysis: the 3D keypoints as triangulated then filtered (what the angles come from), in
-- the calibration's world frame, with the calibration the pipeline used (intrinsics scaled to the videos' sizes) so
-- that reprojecting them needs nothing else. Layout as the other series: little-endian float32, no header.
create table multiview_points (
    analysis_id      bigint  primary key references analysis (id) on delete cascade,
    -- the project calibration JSON (format pose-analytics-calibration) the triangulation used
    calibration_json text    not null,
    landmarks        int     not null check (landmarks > 0),
    -- the first camera's frame numbers, and times on its clock; a camera's own video time is this minus its sync offset
    frames           int4[]  not null,
    times_s          float8[] not null,
    -- [sample][landmark][x, y, z], metres; NaN where the keypoint was not triangulated
    points           bytea   not null,
    -- [sample][landmark], pixels: the mean reprojection error over the views used (NaN: not triangulated)
    error_px         bytea   not null,
    -- [sample][landmark], one byte: bit v set when camera v took part
    view_masks       bytea   not null,
    -- [sample][landmark], float32: the mean 2D confidence of the views used
    confidence       bytea   not null
);

-- The pose model chosen for the recording's videos (null: the workers' default), as a single video's analysis has.
alter table multiview_recording add column model text;

-- A calibration made in the app from one checkerboard video per camera, filmed at once. The videos are kept only
-- until the job has read them (stored like any upload's file; storage names here so they can be erased).
create table multiview_calibration (
    id                bigint generated always as identity primary key,
    clinic_id         bigint           not null,
    session_id        bigint           not null,
    board_columns     int              not null check (board_columns between 3 and 40),
    board_rows        int              not null check (board_rows between 3 and 40),
    square_m          double precision not null check (square_m > 0 and square_m <= 1),
    camera_names      text[]           not null check (cardinality(camera_names) between 2 and 4),
    video_storage     uuid[]           not null,
    created_by        bigint,
    created_at        timestamptz      not null default now(),
    state             text             not null default 'queued' check (state in ('queued', 'running', 'succeeded', 'failed')),
    message           text,
    -- the result: the project calibration JSON and each camera's reprojection error (pixels, calibration order)
    calibration_json  text,
    reprojection_px   float8[],
    foreign key (session_id, clinic_id) references session (id, clinic_id) on delete cascade
);
create index multiview_calibration_session_idx on multiview_calibration (clinic_id, session_id);
