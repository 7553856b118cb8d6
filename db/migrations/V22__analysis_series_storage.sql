-- Measured (docs/BENCHMARKS.md, "Job runner: result storage"): storing a 10-minute video's results took 1.1-1.7 s,
-- most of it PostgreSQL compressing ~60 MB of float32 series that barely compress in real use, and reading the
-- angles back as real[] cost a second of text parsing in the driver. So:
--   * the large series are stored uncompressed out of line (STORAGE EXTERNAL): no compression work on write;
--   * angle series become bytea of little-endian float32 like the keypoints (same values, read without parsing).
alter table analysis_subject_series alter column keypoints set storage external;
alter table analysis_subject_series alter column world set storage external;
alter table analysis_track alter column keypoints set storage external;

alter table analysis_angle drop column values_deg;
alter table analysis_angle drop column velocity_deg_per_s;
alter table analysis_angle add column values_deg bytea not null default ''::bytea;          -- float32 LE per sample, NaN = not measurable
alter table analysis_angle add column velocity_deg_per_s bytea not null default ''::bytea;  -- float32 LE per sample
alter table analysis_angle alter column values_deg drop default;
alter table analysis_angle alter column velocity_deg_per_s drop default;
alter table analysis_angle alter column values_deg set storage external;
alter table analysis_angle alter column velocity_deg_per_s set storage external;
