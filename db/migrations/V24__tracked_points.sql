-- Points a user clicks on the analysis page (a bar end, a knee) and has followed through the video (issue 7, item 5).
-- Kept apart from analysis_point, which holds the points given to the analysis job and is written once with the
-- complete result: these are added and removed one at a time afterwards, by a clinician, and say who added them.
-- Clinic-scoped like every analysis table, and erased with their analysis (hence with the video and the subject).
create table analysis_tracked_point (
    id           bigint generated always as identity primary key,
    clinic_id    bigint           not null,
    analysis_id  bigint           not null,
    point_no     int              not null,                  -- 1, 2, ... per analysis, as shown ("Point 2"); not reused
    spec_x_px    double precision not null,                  -- where and when it was clicked
    spec_y_px    double precision not null,
    spec_time_s  double precision not null,
    anchor_frame bigint           not null,
    frames       int[]            not null,
    times_s      float8[]         not null,
    x_px         real[]           not null,                  -- NaN where hidden or lost
    y_px         real[]           not null,
    confidence   real[]           not null,
    created_by   bigint           references account (id) on delete set null,
    created_at   timestamptz      not null default now(),
    unique (analysis_id, point_no),
    foreign key (analysis_id, clinic_id) references analysis (id, clinic_id) on delete cascade
);
create index analysis_tracked_point_idx on analysis_tracked_point (clinic_id, analysis_id);

-- Tracking a point changes what is stored about a subject's video: it is audited like uploads and deletions.
alter table audit_event drop constraint audit_event_action_check;
alter table audit_event add constraint audit_event_action_check
    check (action in ('viewed', 'uploaded', 'exported', 'deleted', 'tracked'));
