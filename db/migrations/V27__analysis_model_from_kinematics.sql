-- Issue 16, item 1: the web stores the kinematics module's records as they are, so what they hold and the web did
-- not keep is now kept too. Every new column is nullable: analyses stored before read back with them unknown.

-- The session-wide sign convention the image-plane angles were computed with (kinematics ViewSigns): +1 / -1.
-- Null for analyses stored before; exports used to make up (1, 1).
alter table analysis add column view_facing smallint check (view_facing in (-1, 1));
alter table analysis add column view_left_on_image_right smallint check (view_left_on_image_right in (-1, 1));
-- Time spent following points given to the job, apart from kinematics_s (which included it before this version).
alter table analysis add column points_s double precision;

-- The quality of each repetition's counting signal (kinematics Repetition.rating); null for repetitions stored before.
alter table analysis_repetition add column quality text check (quality in ('valid', 'low', 'invalid'));
alter table analysis_repetition add column reason text;

-- Points given to the analysis job were never given by the web app (the page's points are analysis_tracked_point):
-- the table was always empty.
drop table analysis_point;
