-- Issue 19, item 2 (draw and measure): a clinician's drawing on a paused frame of a video, at that frame's time: a line,
-- an angle (three points, the middle one its vertex), a distance (two points) or a free text (one point). Points are in
-- the video's pixels, as x1, y1, x2, y2, ...; the measured value is not stored but computed when shown (a distance in
-- metres from the analysis's scale when it has one). Erased with the video.
create table video_drawing (
    id          bigint generated always as identity primary key,
    clinic_id   bigint           not null,
    video_id    bigint           not null,
    time_s      double precision not null check (time_s >= 0),
    kind        text             not null check (kind in ('line', 'angle', 'distance', 'text')),
    points      double precision[] not null check (cardinality(points) between 2 and 6 and cardinality(points) % 2 = 0),
    label       text             not null default '' check (length(label) <= 200),
    created_by  bigint           references account (id) on delete set null,
    created_at  timestamptz      not null default now(),
    changed_at  timestamptz,
    foreign key (video_id, clinic_id) references video (id, clinic_id) on delete cascade
);
create index video_drawing_idx on video_drawing (clinic_id, video_id, time_s);
