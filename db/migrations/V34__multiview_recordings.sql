-- Issue #14: a session can hold a multi-camera recording (2-4 simultaneous videos and their calibration), and its
-- triangulated analysis. The analysis itself is an ordinary `analysis` row on the first camera's video (the
-- triangulated series' image coordinates are a reprojection into that camera), with 3D angles (dimension world_3d);
-- what only a multi-camera analysis has goes to multiview_analysis.
create table multiview_recording (
    id                bigint generated always as identity primary key,
    clinic_id         bigint           not null,
    session_id        bigint           not null,
    -- one video per calibrated camera, in the calibration's camera order
    video_ids         bigint[]         not null check (cardinality(video_ids) between 2 and 4),
    -- the calibration file as uploaded (its name tells the format: .json, .toml, .qca.txt, .yml, .xml)
    calibration_name  text             not null,
    calibration_file  bytea            not null,
    camera_names      text[]           not null,
    created_by        bigint,
    created_at        timestamptz      not null default now(),
    -- the triangulation job: queued, running, succeeded, failed; message: why it failed, in words for the user
    state             text             not null default 'queued' check (state in ('queued', 'running', 'succeeded', 'failed')),
    message           text,
    fraction          double precision not null default 0,
    analysis_id       bigint           references analysis (id) on delete set null,
    foreign key (session_id, clinic_id) references session (id, clinic_id) on delete cascade
);
create index multiview_recording_session_idx on multiview_recording (clinic_id, session_id);

create table multiview_analysis (
    analysis_id          bigint           primary key references analysis (id) on delete cascade,
    recording_id         bigint           not null references multiview_recording (id) on delete cascade,
    calibration_source   text             not null default '',
    sync_method          text             not null,
    -- per camera, in calibration order
    cameras              text[]           not null,
    videos               text[]           not null,
    sync_offsets_s       float8[]         not null,
    match_error_px       float8[]         not null,
    points_share         float8[]         not null,
    -- the triangulation's reprojection error over every triangulated keypoint (pixels)
    reprojection_mean_px double precision,
    reprojection_p95_px  double precision,
    points               int              not null,
    warnings             text[]           not null default '{}'
);
create index multiview_analysis_recording_idx on multiview_analysis (recording_id);
