-- Metres, not pixels (issue 13): where a scale comes from and which one an analysis used.

-- The subject's standing height, for scaling from the pose (source "subject_height"); null when not known.
alter table subject add column height_m double precision
    check (height_m is null or (height_m >= 0.5 and height_m <= 2.5));

-- A reference line a clinician drew on a paused frame of the video (e.g. along a plate of known diameter, a marked
-- floor length): its two ends in pixels of the displayed frame (rotation applied, origin top-left) and its real
-- length. One per video: drawing again replaces it. Erased with the video.
create table video_scale_line (
    video_id   bigint           primary key,
    clinic_id  bigint           not null,
    x1_px      double precision not null check (x1_px >= 0),
    y1_px      double precision not null check (y1_px >= 0),
    x2_px      double precision not null check (x2_px >= 0),
    y2_px      double precision not null check (y2_px >= 0),
    length_m   double precision not null check (length_m > 0),
    time_s     double precision,                        -- the frame it was drawn on (for showing it back there)
    created_by bigint           references account (id) on delete set null,
    created_at timestamptz      not null default now(),
    foreign key (video_id, clinic_id) references video (id, clinic_id) on delete cascade
);

-- What scale a job was asked to use, as given when it was queued (a line or height changed afterwards does not
-- change a queued job). Null source: none (jobs queued before this version).
alter table analysis_job
    add column scale_source   text check (scale_source in ('line', 'subject_height', 'none')),
    add column scale_x1_px    double precision,
    add column scale_y1_px    double precision,
    add column scale_x2_px    double precision,
    add column scale_y2_px    double precision,
    add column scale_length_m double precision,
    add column scale_height_m double precision;

-- The scale an analysis used, as the pipeline reported it: source, metres per pixel (null: none), the line or height
-- it came from, how it was found, its quality with the reason, and warnings (e.g. movement plane far from the line's).
-- Analyses stored before this version read back as "none".
alter table analysis
    add column scale_source        text check (scale_source in ('line', 'subject_height', 'none')),
    add column scale_metres_per_px double precision,
    add column scale_x1_px         double precision,
    add column scale_y1_px         double precision,
    add column scale_x2_px         double precision,
    add column scale_y2_px         double precision,
    add column scale_length_m      double precision,
    add column scale_height_m      double precision,
    add column scale_method        text,
    add column scale_quality       text check (scale_quality in ('valid', 'low', 'invalid')),
    add column scale_reason        text,
    add column scale_warnings      text[];
