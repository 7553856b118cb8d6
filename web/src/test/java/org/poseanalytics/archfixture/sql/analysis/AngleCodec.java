package org.poseanalytics.archfixture.sql.analysis;

/** Allowed: a codec of the owning package writes and reads its table. */
public class AngleCodec {
    static final String TABLE = "analysis_angle";
    static final String INSERT = "insert into " + TABLE + " (analysis_id, column_name) values (?, ?)";
    static final String SELECT = """
            select column_name, values_deg
              from analysis_angle
             where analysis_id = ?""";
}
