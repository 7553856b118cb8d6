package org.poseanalytics.web.analysis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.rating.Rating;
import org.poseanalytics.kinematics.repetition.Repetition;

/**
 * Table {@code analysis_repetition}: the kinematics module's {@link Repetition}s, one row each, with the quality of
 * the counting signal within it (null for repetitions stored before version 27, which read back as the record's
 * default, valid: they were counted, and a repetition on invalid samples never is).
 */
final class RepetitionCodec {
    private RepetitionCodec() {}

    static final String INSERT = """
            insert into analysis_repetition (analysis_id, index, start_s, peak_s, end_s, start_frame, peak_frame, end_frame,
                rom_deg, peak_deg, min_deg, max_deg, eccentric_s, hold_s, concentric_s, complete, note, signal, quality, reason)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    static final String SELECT = """
            select r.index, r.start_s, r.peak_s, r.end_s, r.start_frame, r.peak_frame, r.end_frame, r.rom_deg, r.peak_deg,
                   r.min_deg, r.max_deg, r.eccentric_s, r.hold_s, r.concentric_s, r.complete, r.note, r.signal, r.quality, r.reason
            from analysis_repetition r join analysis a on a.id = r.analysis_id
            where a.id = :id and a.clinic_id = :clinic and a.complete order by r.index""";

    static void insert(Connection c, long analysisId, List<Repetition> repetitions) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Repetition x : repetitions) {
                int i = 1;
                ps.setLong(i++, analysisId);
                ps.setInt(i++, x.index());
                ps.setDouble(i++, x.startS());
                ps.setDouble(i++, x.peakS());
                ps.setDouble(i++, x.endS());
                ps.setLong(i++, x.startFrame());
                ps.setLong(i++, x.peakFrame());
                ps.setLong(i++, x.endFrame());
                ps.setDouble(i++, x.romDeg());
                ps.setDouble(i++, x.peakDeg());
                ps.setDouble(i++, x.minDeg());
                ps.setDouble(i++, x.maxDeg());
                ps.setDouble(i++, x.eccentricS());
                ps.setDouble(i++, x.holdS());
                ps.setDouble(i++, x.concentricS());
                ps.setBoolean(i++, x.complete());
                ps.setString(i++, x.note() == null ? "" : x.note());
                ps.setString(i++, x.signal() == null ? "" : x.signal());
                ps.setString(i++, x.rating().quality().id());
                ps.setString(i, x.rating().reason());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static Repetition read(ResultSet rs, int n) throws SQLException {
        String quality = rs.getString("quality");
        Rating rating = quality == null ? null : new Rating(Quality.parse(quality), rs.getString("reason"));
        return new Repetition(rs.getInt("index"), rs.getDouble("start_s"), rs.getDouble("peak_s"), rs.getDouble("end_s"),
                rs.getLong("start_frame"), rs.getLong("peak_frame"), rs.getLong("end_frame"), rs.getDouble("rom_deg"),
                rs.getDouble("peak_deg"), rs.getDouble("min_deg"), rs.getDouble("max_deg"), rs.getDouble("eccentric_s"),
                rs.getDouble("hold_s"), rs.getDouble("concentric_s"), rs.getBoolean("complete"), rs.getString("note"),
                rs.getString("signal"), rating);
    }
}
