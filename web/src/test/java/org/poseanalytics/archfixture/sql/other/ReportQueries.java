package org.poseanalytics.archfixture.sql.other;

/** Not allowed: another package reads the analysis tables directly. */
public class ReportQueries {
    static final String LATEST = """
            select v.id from video v
            where exists (select 1 from analysis a where a.video_id = v.id and a.complete)""";
    static final String HEADLINES = "analysis_headline";
    static final String ROUTE = "analysis";
}
