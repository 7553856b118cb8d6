-- Issue #17, item 4: the progress page and API keep a subject's trends in memory (ProgressService) and need to know
-- when they go stale. A trend is made of the subject's sessions (date), their videos, the latest complete analysis of
-- each (exercise, view, triangulated or not), its session-wide figures and its headlines; the figures of a stored
-- analysis change after the fact too (tracking a point adds its velocity figures, removing it deletes them). So every
-- write to one of those tables marks the subjects it touches, whoever writes it (AnalysisStore, point tracking, a
-- deletion's cascade, an administrator's SQL): triggers here, rather than a call each writer must remember.
--
-- The stamp is the id of the last transaction that changed the subject's figures: distinct for every such transaction,
-- and the same for all the statements of one, so a save that inserts its figures row by row (a JDBC batch fires the
-- statement trigger once per row) updates the subject row once, not once per figure. A reader reads the stamp before
-- the figures (read committed): what it then reads is at least as new as the stamp it files it under.
alter table subject add column figures_changed xid8;

create function mark_subjects_figures_changed(subjects bigint[]) returns void language sql as $$
    update subject set figures_changed = pg_current_xact_id()
    where id = any(subjects) and figures_changed is distinct from pg_current_xact_id();
$$;

-- Tables whose rows name an analysis: its figures, its headlines, whether it was triangulated.
create function figures_changed_by_analysis_rows() returns trigger language plpgsql as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        perform mark_subjects_figures_changed(array(select distinct s.subject_id from new_rows r
            join analysis a on a.id = r.analysis_id join video v on v.id = a.video_id join session s on s.id = v.session_id));
    end if;
    -- after a deletion that cascades from the video or session, the analysis is gone here: the trigger on that table marks
    if tg_op in ('UPDATE', 'DELETE') then
        perform mark_subjects_figures_changed(array(select distinct s.subject_id from old_rows r
            join analysis a on a.id = r.analysis_id join video v on v.id = a.video_id join session s on s.id = v.session_id));
    end if;
    return null;
end $$;

create function figures_changed_by_analyses() returns trigger language plpgsql as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        perform mark_subjects_figures_changed(array(select distinct s.subject_id from new_rows r
            join video v on v.id = r.video_id join session s on s.id = v.session_id));
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        perform mark_subjects_figures_changed(array(select distinct s.subject_id from old_rows r
            join video v on v.id = r.video_id join session s on s.id = v.session_id));
    end if;
    return null;
end $$;

-- A video added has no analysis yet, and a video's other columns change often (a browser copy's progress every few
-- seconds): only a video deleted or moved to another session changes a trend.
create function figures_changed_by_videos() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform mark_subjects_figures_changed(array(select distinct s.subject_id from old_rows r join session s on s.id = r.session_id));
    else
        perform mark_subjects_figures_changed(array(select distinct s.subject_id from old_rows o join new_rows n on n.id = o.id
            join session s on s.id in (o.session_id, n.session_id) where o.session_id <> n.session_id));
    end if;
    return null;
end $$;

-- A session's date orders the visits; a session deleted or moved to another subject takes its analyses with it.
create function figures_changed_by_sessions() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform mark_subjects_figures_changed(array(select distinct subject_id from old_rows));
    else
        perform mark_subjects_figures_changed(array(select distinct unnest(array[o.subject_id, n.subject_id]) from old_rows o
            join new_rows n on n.id = o.id where (o.session_date, o.subject_id) is distinct from (n.session_date, n.subject_id)));
    end if;
    return null;
end $$;

-- One trigger per event: a trigger with transition tables may name the old rows only if it fires on update or delete.
create trigger analysis_metric_inserted after insert on analysis_metric referencing new table as new_rows
    for each statement execute function figures_changed_by_analysis_rows();
create trigger analysis_metric_updated after update on analysis_metric referencing old table as old_rows new table as new_rows
    for each statement execute function figures_changed_by_analysis_rows();
create trigger analysis_metric_deleted after delete on analysis_metric referencing old table as old_rows
    for each statement execute function figures_changed_by_analysis_rows();

create trigger analysis_headline_inserted after insert on analysis_headline referencing new table as new_rows
    for each statement execute function figures_changed_by_analysis_rows();
create trigger analysis_headline_updated after update on analysis_headline referencing old table as old_rows new table as new_rows
    for each statement execute function figures_changed_by_analysis_rows();
create trigger analysis_headline_deleted after delete on analysis_headline referencing old table as old_rows
    for each statement execute function figures_changed_by_analysis_rows();

create trigger multiview_analysis_inserted after insert on multiview_analysis referencing new table as new_rows
    for each statement execute function figures_changed_by_analysis_rows();
create trigger multiview_analysis_updated after update on multiview_analysis referencing old table as old_rows new table as new_rows
    for each statement execute function figures_changed_by_analysis_rows();
create trigger multiview_analysis_deleted after delete on multiview_analysis referencing old table as old_rows
    for each statement execute function figures_changed_by_analysis_rows();

create trigger analysis_inserted after insert on analysis referencing new table as new_rows
    for each statement execute function figures_changed_by_analyses();
create trigger analysis_updated after update on analysis referencing old table as old_rows new table as new_rows
    for each statement execute function figures_changed_by_analyses();
create trigger analysis_deleted after delete on analysis referencing old table as old_rows
    for each statement execute function figures_changed_by_analyses();

create trigger video_updated after update on video referencing old table as old_rows new table as new_rows
    for each statement execute function figures_changed_by_videos();
create trigger video_deleted after delete on video referencing old table as old_rows
    for each statement execute function figures_changed_by_videos();

create trigger session_updated after update on session referencing old table as old_rows new table as new_rows
    for each statement execute function figures_changed_by_sessions();
create trigger session_deleted after delete on session referencing old table as old_rows
    for each statement execute function figures_changed_by_sessions();
