-- The web's job classes moved from org.poseanalytics.web.job to org.poseanalytics.web.analysis (one package per
-- feature). JobRunr keeps each queued, scheduled or failed job as JSON naming its classes, and would fail to read the
-- jobs a running installation has queued when it is upgraded. JobRunr creates its own tables on its first start, so
-- a new database has none yet: only touch them where they exist.
do $$
begin
    if to_regclass('jobrunr_jobs') is not null then
        update jobrunr_jobs
           set jobasjson = replace(jobasjson, 'org.poseanalytics.web.job.', 'org.poseanalytics.web.analysis.'),
               jobsignature = replace(jobsignature, 'org.poseanalytics.web.job.', 'org.poseanalytics.web.analysis.')
         where jobasjson like '%org.poseanalytics.web.job.%';
    end if;
end $$;
