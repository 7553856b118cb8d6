-- Issue 17, item 3 (docs/BENCHMARKS.md, "Storing an hour's results"): an hour's tracks and subject series, written as
-- one bytea per series that PostgreSQL stores out of line (TOAST, V22), cost its backend ~3 times the CPU of the same
-- bytes written as rows that fit a page: every value of tens of MB passes through several freshly allocated buffers
-- of its size (COPY's field buffer, the bytea, the tuple), and each new page of memory is a page fault, which is
-- costly on a virtual machine. So new analyses store those series here, cut into parts of at most 8,000 bytes (one
-- row per 8 KB page, inline, never compressed), and leave the old column null; rows stored before keep their bytes
-- in the old column and read as they did (the readers take the old column when it is set, else read the parts as
-- rows: a value of tens of MB in one message is also several times slower to read than its parts).
create table analysis_series_part (
    -- analysis (id). No foreign key: its check would run once per part (an hour has ~34,000); the trigger below removes
    -- the parts with their analysis, and only AnalysisStore writes parts, in the transaction that writes the analysis.
    analysis_id bigint not null,
    series      text   not null,  -- 'track <track_id>' (analysis_track.keypoints), '<kind>' and '<kind> world' (analysis_subject_series)
    part        int    not null,  -- 0, 1, … in the order of the bytes
    bytes       bytea  not null,  -- the series's bytes (the old column's layout) from part × 8,000
    primary key (analysis_id, series, part)
);
alter table analysis_series_part alter column bytes set storage plain;

alter table analysis_track alter column keypoints drop not null;
alter table analysis_subject_series alter column keypoints drop not null;

-- A series's bytes as the old column held them, null when it has no parts: for reading by hand (the app reads the parts).
create function analysis_series_bytes(analysis bigint, series_name text) returns bytea
    language sql stable parallel safe as $$
    select string_agg(p.bytes, ''::bytea order by p.part) from analysis_series_part p
    where p.analysis_id = analysis and p.series = series_name
$$;

create function analysis_series_part_delete() returns trigger language plpgsql as $$
begin
    delete from analysis_series_part where analysis_id = old.id;
    return old;
end
$$;

create trigger analysis_series_part_delete after delete on analysis
    for each row execute function analysis_series_part_delete();
