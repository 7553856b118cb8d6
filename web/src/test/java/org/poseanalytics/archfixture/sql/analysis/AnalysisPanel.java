package org.poseanalytics.archfixture.sql.analysis;

/** Not allowed, though in the owning package: a panel running its own SQL on an analysis table. */
public class AnalysisPanel {
    // select * from analysis_track: a comment is not SQL
    /* nor is this: delete from analysis_point */
    static final String TITLE = "Analysis of the video";
    static final String SECTION = "Results from analysis"; // English, but in SQL shape: reported (a visible false alarm)
    static final char QUOTE = '"';
    static final String METRICS = "select m.name, m.value from analysis_metric m where m.analysis_id = :analysis";
}
