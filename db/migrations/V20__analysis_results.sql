-- Analysis results (issue 6). One `analysis` row per analysis attempt of a video; everything else hangs off it and
-- goes with it (on delete cascade). Readers only ever look at rows with complete = true: a result set is written in
-- one transaction and `complete` is set in that same transaction, so a reader sees all of it or none of it.
--
-- Re-analysis (another model or exercise template) writes a new row; the previous complete one stays and stays
-- visible until the new one is complete. "The" result of a video is its latest complete analysis; older complete
-- ones remain, labelled by model and exercise, until deleted.
--
-- Long series are stored compactly, not one row per value:
--   * angles and point trajectories as real[] (float4, NaN = not measured), one row per column;
--   * keypoints as bytea of little-endian float32, laid out [sample][landmark][x, y, z, visibility] (16 bytes per
--     landmark and sample); x, y in pixels of the displayed frame, NaN where the landmark is a gap.
-- A 10-minute 30 fps video (18,000 frames × 33 landmarks, a few tracks, ~60 angle columns) is ~20 MB and is written
-- in well under a second (see docs/BENCHMARKS.md, "Job runner: result storage").

create table analysis (
    id                bigint generated always as identity primary key,
    clinic_id         bigint           not null,
    video_id          bigint           not null,
    -- the JobRunr job that produced it: a retry of the same job replaces its own unfinished attempt, never adds one
    job_id            uuid             not null unique,
    model             text             not null,             -- e.g. blazepose-full, hrnet
    model_version     text             not null,             -- e.g. the model file's digest or release
    exercise          text,                                   -- template id used (squat, gait, ...), null: none
    exercise_guessed  boolean          not null default false,
    repetition_signal text             not null default '',  -- the angle column repetitions were counted on
    skeleton          text             not null,             -- blazepose-33 or coco-17
    landmarks         text[]           not null,             -- landmark names in keypoint storage order
    subject_track_id  int,
    filter            text             not null default '',  -- filter chain of the subject's filtered series
    frames            int              not null default 0,
    frames_with_pose  int              not null default 0,
    -- the sample axis of the angle series: frame numbers and stream timestamps (seconds)
    angle_frames      int[]            not null default '{}',
    angle_times_s     float8[]         not null default '{}',
    -- timings (seconds): decode, pose inference, tracking + filtering, kinematics, whole pipeline, storing
    decode_s          double precision,
    inference_s       double precision,
    tracking_s        double precision,
    kinematics_s      double precision,
    total_s           double precision,
    frames_per_s      double precision,
    store_s           double precision,
    complete          boolean          not null default false,
    requested_by      bigint           references account (id) on delete set null,
    started_at        timestamptz      not null default now(),
    completed_at      timestamptz,
    unique (id, clinic_id),
    foreign key (video_id, clinic_id) references video (id, clinic_id) on delete cascade
);
create index analysis_video_idx on analysis (clinic_id, video_id, completed_at desc) where complete;

-- One angle column of the subject, aligned with analysis.angle_frames / angle_times_s.
create table analysis_angle (
    analysis_id        bigint  not null references analysis (id) on delete cascade,
    ord                int     not null,                     -- column order as the pipeline produced it
    column_name        text    not null,                     -- e.g. left_knee_flexion_3d_deg
    joint              text    not null,                     -- e.g. knee_flexion
    side               text    not null check (side in ('left', 'right', 'none')),
    dimension          text    not null check (dimension in ('2d', '3d')),
    unit               text    not null default 'deg',
    values_deg         real[]  not null,
    velocity_deg_per_s real[]  not null,
    primary key (analysis_id, column_name)
);

-- The analysed subject's series: 'raw' (the model's output for the subject track) and 'filtered' (the offline chain).
create table analysis_subject_series (
    analysis_id bigint   not null references analysis (id) on delete cascade,
    kind        text     not null check (kind in ('raw', 'filtered')),
    filter      text     not null,
    frames      int[]    not null,
    times_s     float8[] not null,
    keypoints   bytea    not null,  -- float32 LE [sample][landmark][x_px, y_px, z, visibility]
    world       bytea,              -- float32 LE [sample][landmark][x_m, y_m, z_m], null without world landmarks
    primary key (analysis_id, kind)
);

-- Every confirmed track (all persons), per frame where the track was seen, for drawing everyone on the video.
create table analysis_track (
    analysis_id bigint   not null references analysis (id) on delete cascade,
    track_id    int      not null,
    frames      int[]    not null,
    times_s     float8[] not null,
    keypoints   bytea    not null,  -- float32 LE [sample][landmark][x_px, y_px, z, visibility]
    primary key (analysis_id, track_id)
);

create table analysis_repetition (
    analysis_id  bigint           not null references analysis (id) on delete cascade,
    index        int              not null,                  -- 1-based, in time order
    start_s      double precision not null,
    peak_s       double precision not null,
    end_s        double precision not null,
    start_frame  bigint           not null,
    peak_frame   bigint           not null,
    end_frame    bigint           not null,
    rom_deg      double precision not null,
    peak_deg     double precision not null,
    min_deg      double precision not null,
    max_deg      double precision not null,
    eccentric_s  double precision not null,
    hold_s       double precision not null,
    concentric_s double precision not null,
    complete     boolean          not null,
    note         text             not null default '',
    signal       text             not null default '',
    primary key (analysis_id, index)
);

-- Database-ready figures: session-wide (repetition null) and per repetition.
create table analysis_metric (
    analysis_id bigint           not null references analysis (id) on delete cascade,
    name        text             not null,                   -- without side prefix, e.g. knee_flexion_3d_peak
    value       double precision not null,                   -- NaN when not measurable
    unit        text             not null,
    side        text             not null check (side in ('left', 'right', 'none')),
    repetition  int
);
create index analysis_metric_idx on analysis_metric (analysis_id, name);

-- Points the user picked (e.g. a bar end), followed through the video.
create table analysis_point (
    analysis_id  bigint           not null references analysis (id) on delete cascade,
    point_id     int              not null,
    spec_x_px    double precision not null,
    spec_y_px    double precision not null,
    spec_time_s  double precision not null,
    anchor_frame bigint           not null,
    frames       int[]            not null,
    times_s      float8[]         not null,
    x_px         real[]           not null,                  -- NaN where occluded
    y_px         real[]           not null,
    confidence   real[]           not null,
    primary key (analysis_id, point_id)
);
