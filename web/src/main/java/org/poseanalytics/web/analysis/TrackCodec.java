package org.poseanalytics.web.analysis;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.poseanalytics.pose.Keypoint;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.tracking.identity.TrackedFrame;
import org.poseanalytics.tracking.identity.TrackedPerson;
import org.poseanalytics.tracking.identity.Tracks;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * Table {@code analysis_track}: every person the tracking module followed ({@link Tracks}), one row per track with
 * the frames where it was seen and its keypoints (layout: {@link FloatArrays}); read back one {@link TrackSeries}
 * per track, for drawing everyone and letting a user pick another subject. Since V46 the keypoints are stored in
 * page-sized parts ({@link SeriesPartCodec}, series {@code track <id>}) and the row's own column is null; rows stored
 * before hold them in the column, and both read the same.
 */
final class TrackCodec {
    private TrackCodec() {}

    /** The rows' columns for {@link BinaryCopy}, in the order {@link #insert} writes them. */
    static final String COPY_INTO = "analysis_track (analysis_id, track_id, frames, times_s, keypoints)";
    /** Copies every person followed in analysis {@code base} (2nd parameter) to a corrected analysis of it (1st). */
    static final String COPY = """
            insert into analysis_track (analysis_id, track_id, frames, times_s, keypoints)
            select ?, track_id, frames, times_s, keypoints from analysis_track where analysis_id = ?""";
    /** The parts of the keypoints {@link #COPY} copies (none for a base stored before V46). */
    static final String COPY_PARTS = """
            insert into analysis_series_part (analysis_id, series, part, bytes)
            select ?, series, part, bytes from analysis_series_part where analysis_id = ? and series like 'track %'""";
    static final String SELECT = """
            select t.analysis_id, t.track_id, t.frames, t.times_s, t.keypoints, a.skeleton
            from analysis_track t join analysis a on a.id = t.analysis_id
            where a.id = :id and a.clinic_id = :clinic and a.complete order by t.track_id""";

    /**
     * Each confirmed track on the frames where it was seen. The keypoints go straight from the poses to the parts, one
     * track at a time: collected first, an hour's track would be a 57 MB array (and twice that while it grows) on the
     * heap at the very end of a job, when the rest of the results are there too.
     */
    static void insert(Connection c, long analysisId, Tracks tracks) throws SQLException {
        int landmarks = tracks.skeleton().map(s -> s.size()).orElse(0);
        Map<Integer, Track> byId = new LinkedHashMap<>();
        for (int id : tracks.trackIds()) byId.put(id, new Track());
        for (TrackedFrame f : tracks.frames())
            for (TrackedPerson p : f.persons()) {
                Track t = byId.get(p.trackId());
                if (t != null) t.add(f.frameIndex(), f.timeS());
            }
        // The rows first, their keypoints null (an empty track's are stored in the row: there is no part to read back).
        try (BinaryCopy copy = BinaryCopy.into(c, COPY_INTO)) {
            for (var e : byId.entrySet()) {
                Track t = e.getValue();
                copy.row(5).int8(analysisId).int4(e.getKey()).int4Array(Arrays.copyOf(t.frames, t.n)).float8Array(Arrays.copyOf(t.times, t.n));
                if (t.n == 0) copy.float32(new float[0], 0);
                else copy.nullField();
            }
            copy.finish();
        }
        try (SeriesPartCodec parts = SeriesPartCodec.into(c, analysisId)) {
            for (var e : byId.entrySet()) {
                int id = e.getKey();
                parts.series(SeriesPartCodec.track(id), e.getValue().n * landmarks * FloatArrays.STRIDE);
                float[] pose = new float[landmarks * FloatArrays.STRIDE];
                for (TrackedFrame f : tracks.frames())
                    for (TrackedPerson p : f.persons())
                        if (p.trackId() == id) parts.f32(keypoints(p.pose(), pose), pose.length);
            }
            parts.finish();
        }
    }

    /** One pose's keypoints in the stored layout ({@link FloatArrays}), into {@code into}. */
    private static float[] keypoints(PersonPose pose, float[] into) {
        for (int j = 0, o = 0; o < into.length; j++, o += FloatArrays.STRIDE) {
            Keypoint k = pose.keypoint(j);
            into[o] = (float) k.x();
            into[o + 1] = (float) k.y();
            into[o + 2] = (float) k.z();
            into[o + 3] = (float) k.visibility();
        }
        return into;
    }

    static TrackSeries read(ResultSet rs, int n) throws SQLException {
        return new TrackSeries(rs.getInt("track_id"), series(rs));
    }

    /** The track of a row with columns analysis_id, track_id, frames, times_s, keypoints and the analysis's skeleton. */
    static KeypointSeries series(ResultSet rs) throws SQLException {
        Skeleton skeleton = AnalysisCodec.skeleton(rs.getString("skeleton"));
        long[] frames = SqlArrays.longs(rs, "frames");
        return FloatArrays.series(skeleton, frames, SqlArrays.doubles(rs, "times_s"), keypoints(rs, skeleton, frames.length), null, "raw");
    }

    /** The row's keypoints: in the row before V46, else in its parts. */
    private static byte[] keypoints(ResultSet rs, Skeleton skeleton, int samples) throws SQLException {
        byte[] inRow = rs.getBytes("keypoints");
        if (inRow != null) return inRow;
        byte[] parts = SeriesPartCodec.read(rs.getStatement().getConnection(), rs.getLong("analysis_id"),
                SeriesPartCodec.track(rs.getInt("track_id")), samples * skeleton.size() * FloatArrays.STRIDE * Float.BYTES);
        if (parts == null) throw new IllegalStateException("track " + rs.getInt("track_id") + " has no keypoints");
        return parts;
    }

    /** Where one track was seen: its frames and times, as they are collected. */
    private static final class Track {
        long[] frames = new long[256];
        double[] times = new double[256];
        int n;

        void add(long frame, double time) {
            if (n == frames.length) {
                frames = Arrays.copyOf(frames, n * 2);
                times = Arrays.copyOf(times, n * 2);
            }
            frames[n] = frame;
            times[n] = time;
            n++;
        }
    }
}
