-- Issue #17, item 4: a subject's progress (the progress page, GET /api/v1/subjects/{id}/progress) reads the
-- session-wide figures (repetition is null) of the latest analysis of each of the subject's videos. analysis_metric
-- also holds every per-repetition figure (about two thirds of its rows for a squat), and its only index,
-- (analysis_id, name), made each lookup read those too and then fetch every row from the table. This partial index
-- holds only the session-wide figures, in the order the trends are built (name, side), with the columns the query
-- reads, so a subject's figures are read from the index alone (measured in docs/BENCHMARKS.md, "Server under load").
create index analysis_metric_session_wide_idx on analysis_metric (analysis_id, name, side)
    include (value, unit, quality, reason) where repetition is null;
