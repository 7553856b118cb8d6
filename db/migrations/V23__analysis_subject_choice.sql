-- Choosing the analysed person (issue 7): a re-analysis may name the track to analyse as the subject, and the stored
-- analysis says whether its subject was chosen by a user or by the default rule (most present, most central).
alter table analysis_job add column subject_track_id int;          -- null: the default rule picks the subject
alter table analysis add column subject_chosen_by_user boolean not null default false;
