-- What the user must know to read an analysis' figures, said by the pipeline (AnalysisResult.warnings, without the
-- scale's own, which have their columns): the video cut short, the subject in view for part of the video. Shown on the
-- analysis page above the figures. Analyses stored before have none.
alter table analysis add column notes text[] not null default '{}';
