-- Issue 19, item 1: a clinician's corrections of the analysed person's keypoints, kept as a layer over the model's
-- output. The model's analysis (its keypoints, angles, repetitions and figures) stays as it was; the corrections belong
-- to it, and the kinematics recomputed from the corrected series are stored as an analysis of their own that names it
-- (corrected_from). Removing every correction removes that analysis, and the model's shows again.
create table keypoint_correction (
    id            bigint generated always as identity primary key,
    clinic_id     bigint           not null,
    analysis_id   bigint           not null,                 -- the model's analysis the correction lies over
    frame         bigint           not null,                 -- video frame number
    landmark      int              not null,                 -- index in the analysis's landmarks
    x_px          double precision,                          -- null with y_px: not visible on this frame
    y_px          double precision,
    window_frames int              not null check (window_frames between 0 and 60),
    created_by    bigint           references account (id) on delete set null,
    created_at    timestamptz      not null default now(),
    check ((x_px is null) = (y_px is null)),
    unique (analysis_id, frame, landmark),
    foreign key (analysis_id, clinic_id) references analysis (id, clinic_id) on delete cascade
);
create index keypoint_correction_idx on keypoint_correction (clinic_id, analysis_id);

alter table analysis add column corrected_from bigint references analysis (id) on delete cascade;
create index analysis_corrected_from_idx on analysis (corrected_from) where corrected_from is not null;
