package org.poseanalytics.archfixture.sql.analysis;

/** Allowed: the store of the owning package. */
public class AnalysisStore {
    static final String INSERT = """
            INSERT INTO Analysis (clinic_id, video_id, job_id) VALUES (?, ?, ?)""";
}
