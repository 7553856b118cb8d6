package org.poseanalytics.archfixture.sql.other;

/** Allowed: the job's own table is not an analysis table; a column named analysis_id is not a table. */
public class JobQueries {
    static final String PROGRESS = "update analysis_job set fraction = :fraction where job_id = :job";
    static final String BY_ANALYSIS = "select analysis_id from report_cache where analysis_id = :id";
}
