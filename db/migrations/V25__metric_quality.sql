-- Numbers a clinician can trust (issue 12): every stored figure says how far it can be trusted, every angle sample
-- why it is not fully trusted, and every analysis from where the camera saw the subject and which few figures lead.
-- Only columns and a table are added: nothing stored before is changed or lost. Rows written before this migration
-- keep NULL quality and issues, which the app reads as "not rated — analysed before quality checks".

-- A figure's quality (the kinematics module's Quality ids) and, when not valid, one line saying why.
alter table analysis_metric add column quality text check (quality in ('valid', 'low', 'invalid'));
alter table analysis_metric add column reason text;

-- Per angle sample, why it is not fully trusted: one byte per sample, the kinematics module's SampleIssue.code()
-- (0 = no issue; codes are stable and below 128). Same length as values_deg's samples; NULL for older rows.
alter table analysis_angle add column issue_codes bytea;
alter table analysis_angle alter column issue_codes set storage external;

-- From where the camera saw the subject (the kinematics module's ViewSummary; NULL for older analyses):
-- the view of most frames (CameraView ids: sagittal_left, frontal_anterior, oblique, unknown, ...), the share of
-- frames with a known view that had it (0..1), and the median angles of the body's sagittal and frontal planes to
-- the image plane (degrees, 0..90; NULL when not measured).
alter table analysis add column view_dominant text;
alter table analysis add column view_share double precision;
alter table analysis add column view_sagittal_plane_deg double precision;
alter table analysis add column view_frontal_plane_deg double precision;

-- The exercise's lead figures (at most 8), in the order shown. The figure itself (value, unit, quality, reason) is the
-- session-wide analysis_metric row of the same name and side.
create table analysis_headline (
    analysis_id bigint not null references analysis (id) on delete cascade,
    rank        int    not null,                              -- 1 = shown first
    label       text   not null,                              -- e.g. "Peak knee flexion (left)"
    definition  text   not null,                              -- what, which side, 2D or 3D
    metric_name text   not null,                              -- analysis_metric.name, e.g. knee_flexion_3d_peak_mean
    metric_side text   not null check (metric_side in ('left', 'right', 'none')),
    primary key (analysis_id, rank)
);
