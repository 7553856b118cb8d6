package org.poseanalytics.web.analysis;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.tracking.series.KeypointSeries;
import org.poseanalytics.tracking.series.SeriesChannel;

/**
 * Table {@code analysis_subject_series}: the analysed subject's keypoints as the tracking module's
 * {@link KeypointSeries}, one row per {@link Kind}: the model's output for the subject's track (raw) and the offline
 * filter chain's (filtered, what the angles were computed from and the overlay draws). Layout: {@link FloatArrays}.
 *
 * <p>Since issue 17 an analysis of one video stores no raw row when the raw series is the subject's track
 * ({@link org.poseanalytics.tracking.TrackingStage.Subject#rawIsTrack()}, always so for the web job): the track is in
 * {@code analysis_track} already, and writing it twice was a quarter of an hour-long video's results. Its raw series
 * is read back from that track on the filtered row's frames ({@link #SELECT_RAW_OF_TRACK}), the same values as the row
 * it replaces except the raw world landmarks, which nothing reads (the filtered series keeps its own). Rows stored
 * before, and the raw rows of multi-camera analyses (triangulated, no track), read as they always did.
 */
final class SubjectSeriesCodec {
    private SubjectSeriesCodec() {}

    public enum Kind {
        RAW, FILTERED;

        String code() { return name().toLowerCase(Locale.ROOT); }
    }

    /** The rows' columns for {@link BinaryCopy}, in the order {@link #insert} writes them. */
    static final String COPY_INTO = "analysis_subject_series (analysis_id, kind, filter, frames, times_s, keypoints, world)";
    static final String SELECT = """
            select s.analysis_id, s.kind, s.filter, s.frames, s.times_s, s.keypoints, s.world, a.skeleton
            from analysis_subject_series s join analysis a on a.id = s.analysis_id
            where a.id = :id and a.clinic_id = :clinic and a.complete and s.kind = :kind""";

    /**
     * The raw series of an analysis that stored none (see above): the subject's track ({@code analysis.subject_track_id})
     * with the frame axis of its filtered series, every frame where the track was not seen a gap. Corrected analyses
     * copy the track, the subject and the filtered axis, so theirs reads the same way.
     */
    static final String SELECT_RAW_OF_TRACK = """
            select f.frames as axis_frames, f.times_s as axis_times_s, t.analysis_id, t.track_id, t.frames, t.times_s, t.keypoints, a.skeleton
            from analysis a
            join analysis_subject_series f on f.analysis_id = a.id and f.kind = 'filtered'
            join analysis_track t on t.analysis_id = a.id and t.track_id = a.subject_track_id
            where a.id = :id and a.clinic_id = :clinic and a.complete
              and not exists (select 1 from analysis_subject_series r where r.analysis_id = a.id and r.kind = 'raw')""";

    /** Copies the model's raw series of analysis {@code base} (2nd parameter) to a corrected analysis (1st): it is not corrected. */
    static final String COPY_RAW = """
            insert into analysis_subject_series (analysis_id, kind, filter, frames, times_s, keypoints, world)
            select ?, kind, filter, frames, times_s, keypoints, world from analysis_subject_series where analysis_id = ? and kind = 'raw'""";
    /** The parts of the raw series {@link #COPY_RAW} copies (none for a base stored before V46, or without a raw row). */
    static final String COPY_RAW_PARTS = """
            insert into analysis_series_part (analysis_id, series, part, bytes)
            select ?, series, part, bytes from analysis_series_part where analysis_id = ? and series in ('raw', 'raw world')""";

    /**
     * The row, then its keypoints and world landmarks as parts ({@link SeriesPartCodec}); a series without samples keeps
     * its (empty) bytes in the row, as there is no part to read back.
     */
    static void insert(Connection c, long analysisId, Kind kind, KeypointSeries s) throws SQLException {
        if (s == null) return;
        boolean inRow = s.length() == 0;
        try (BinaryCopy copy = BinaryCopy.into(c, COPY_INTO)) {
            copy.row(7).int8(analysisId).text(kind.code()).text(s.filter()).int4Array(s.frames()).float8Array(s.timesS());
            if (inRow) copy.float32(new float[0], 0);
            else copy.nullField();
            if (inRow && s.hasWorld()) copy.float32(new float[0], 0);
            else copy.nullField();
            copy.finish();
        }
        if (inRow) return;
        try (SeriesPartCodec parts = SeriesPartCodec.into(c, analysisId)) {
            keypoints(parts.series(SeriesPartCodec.subject(kind, false), s.length() * s.skeleton().size() * FloatArrays.STRIDE), s);
            if (s.hasWorld()) world(parts.series(SeriesPartCodec.subject(kind, true), s.length() * s.skeleton().size() * 3), s);
            parts.finish();
        }
    }

    /** The series' image keypoints in the stored layout ({@link FloatArrays}). */
    private static void keypoints(SeriesPartCodec parts, KeypointSeries s) throws SQLException {
        interleaved(parts, s, s.x(), s.y(), s.z(), s.visibility());
    }

    /** The series' world landmarks in the stored layout ({@link FloatArrays}). */
    private static void world(SeriesPartCodec parts, KeypointSeries s) throws SQLException {
        interleaved(parts, s, s.worldX(), s.worldY(), s.worldZ());
    }

    /** Samples bunched per chunk: [sample][landmark][channel], each landmark's chunk read at once (a long series is on disk). */
    private static void interleaved(SeriesPartCodec parts, KeypointSeries s, SeriesChannel... channels) throws SQLException {
        int n = s.length(), l = s.skeleton().size(), c = channels.length;
        float[][][] chunk = new float[c][l][Math.min(n, CHUNK_SAMPLES)];
        // interleaved here and handed over in bulk: value by value, an hour's 25 million floats took 1.5 s of the store
        float[] rows = new float[Math.min(n, CHUNK_SAMPLES) * l * c];
        for (int from = 0; from < n; from += CHUNK_SAMPLES) {
            int count = Math.min(CHUNK_SAMPLES, n - from);
            for (int k = 0; k < c; k++)
                for (int j = 0; j < l; j++) channels[k].read(j, from, chunk[k][j], count);
            int at = 0;
            for (int i = 0; i < count; i++)
                for (int j = 0; j < l; j++)
                    for (int k = 0; k < c; k++) rows[at++] = chunk[k][j][i];
            parts.f32(rows, at);
        }
    }

    private static final int CHUNK_SAMPLES = 4096;

    /** A row of {@link #SELECT_RAW_OF_TRACK} as the raw series {@link org.poseanalytics.tracking.series.SeriesBuilder#raw} built. */
    static KeypointSeries readRawOfTrack(ResultSet rs, int n) throws SQLException {
        Skeleton skeleton = AnalysisCodec.skeleton(rs.getString("skeleton"));
        long[] axis = SqlArrays.longs(rs, "axis_frames");
        KeypointSeries track = TrackCodec.series(rs);
        KeypointSeries raw = KeypointSeries.empty(skeleton, axis, SqlArrays.doubles(rs, "axis_times_s"), false, "raw");
        long[] seen = track.frames();
        // Both axes ascend: one walk places each of the track's samples on its frame.
        for (int i = 0, s = 0; i < seen.length; i++) {
            while (s < axis.length && axis[s] < seen[i]) s++;
            if (s == axis.length || axis[s] != seen[i])
                throw new IllegalStateException("the subject's track has frame " + seen[i] + ", which its series has not");
            for (int j = 0; j < skeleton.size(); j++) {
                raw.x().set(j, s, track.x().get(j, i));
                raw.y().set(j, s, track.y().get(j, i));
                raw.z().set(j, s, track.z().get(j, i));
                raw.visibility().set(j, s, track.visibility().get(j, i));
            }
        }
        return raw;
    }

    /** A row of {@link #SELECT}; its keypoints and world landmarks in the row before V46, else in their parts. */
    static KeypointSeries read(ResultSet rs, int n) throws SQLException {
        Skeleton skeleton = AnalysisCodec.skeleton(rs.getString("skeleton"));
        long[] frames = SqlArrays.longs(rs, "frames");
        byte[] keypoints = rs.getBytes("keypoints"), world = rs.getBytes("world");
        if (keypoints == null) {
            Kind kind = Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT));
            int values = frames.length * skeleton.size();
            Connection c = rs.getStatement().getConnection();
            keypoints = SeriesPartCodec.read(c, rs.getLong("analysis_id"), SeriesPartCodec.subject(kind, false), values * FloatArrays.STRIDE * Float.BYTES);
            if (keypoints == null) throw new IllegalStateException("the " + kind.code() + " series has no keypoints");
            world = SeriesPartCodec.read(c, rs.getLong("analysis_id"), SeriesPartCodec.subject(kind, true), values * 3 * Float.BYTES);
        }
        return FloatArrays.series(skeleton, frames, SqlArrays.doubles(rs, "times_s"), keypoints, world, rs.getString("filter"));
    }
}
