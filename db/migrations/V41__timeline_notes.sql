-- Issue 19, item 3: a clinician's note at a moment (or over a span) of a video, e.g. "knee valgus on landing", shown on
-- the video's timeline and the angle chart, listed on the analysis page and printed in the PDF. Erased with the video.
create table video_note (
    id          bigint generated always as identity primary key,
    clinic_id   bigint           not null,
    video_id    bigint           not null,
    start_s     double precision not null check (start_s >= 0),
    end_s       double precision check (end_s is null or end_s > start_s),  -- null: a moment
    body        text             not null check (length(body) between 1 and 500),
    created_by  bigint           references account (id) on delete set null,
    created_at  timestamptz      not null default now(),
    changed_at  timestamptz,
    foreign key (video_id, clinic_id) references video (id, clinic_id) on delete cascade
);
create index video_note_idx on video_note (clinic_id, video_id, start_s);
