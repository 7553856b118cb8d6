package org.poseanalytics.web.analysis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Table {@code analysis_series_part} (V46): the bytes of a stored series ({@link FloatArrays}' layout) cut into rows of
 * at most {@link #PART_FLOATS} float32 values, each row inline in one 8 KB page, instead of one bytea PostgreSQL keeps
 * out of line. For an hour-long video the latter cost the server ~3 times the CPU (docs/BENCHMARKS.md, "Storing an
 * hour's results"). Written by COPY through {@link BinaryCopy}, the values given one by one as the codecs encode them;
 * read back part by part into the bytes the old column held ({@link #read}): one value of tens of MB in one message is
 * several times slower to send and receive than its parts as rows. The series of {@code analysis_track} and
 * {@code analysis_subject_series} are stored here.
 */
final class SeriesPartCodec implements AutoCloseable {
    /**
     * 8,000 bytes: with the row's header, ids and a series name of up to ~90 characters a row stays under the 8,160
     * bytes one page holds, so PostgreSQL stores it as it is (the column's storage is PLAIN: no compression, no TOAST).
     */
    static final int PART_FLOATS = 2000;
    private static final String COPY_INTO = "analysis_series_part (analysis_id, series, part, bytes)";

    private final BinaryCopy copy;
    private final long analysisId;
    private String series;
    private int part, leftInPart, left;

    private SeriesPartCodec(BinaryCopy copy, long analysisId) {
        this.copy = copy;
        this.analysisId = analysisId;
    }

    /** Starts one COPY for the parts of analysis {@code analysisId}'s series (on the transaction's connection). */
    static SeriesPartCodec into(Connection c, long analysisId) throws SQLException {
        return new SeriesPartCodec(BinaryCopy.into(c, COPY_INTO), analysisId);
    }

    /** The name of a track's keypoints. */
    static String track(int trackId) { return "track " + trackId; }

    /** The name of the subject's keypoints of {@code kind}, or of its world landmarks. */
    static String subject(SubjectSeriesCodec.Kind kind, boolean world) { return world ? kind.code() + " world" : kind.code(); }

    private static final String SELECT = "select part, bytes from analysis_series_part where analysis_id = ? and series = ? order by part";

    /**
     * The bytes of series {@code series} of the analysis, read on {@code c} (the reader's connection, whose results are
     * read whole, so a query of its own fits in while the row's are read): {@code expected} bytes, or null when the series
     * has no parts (a row stored before V46, or no world landmarks).
     */
    static byte[] read(Connection c, long analysisId, String series, int expected) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setLong(1, analysisId);
            ps.setString(2, series);
            try (ResultSet rs = ps.executeQuery()) {
                byte[] out = null;
                int at = 0;
                for (int part = 0; rs.next(); part++) {
                    byte[] bytes = rs.getBytes(2);
                    if (out == null) out = new byte[expected];
                    if (rs.getInt(1) != part || at + bytes.length > expected)
                        throw new IllegalStateException("the parts of series " + series + " of analysis " + analysisId + " do not make " + expected + " bytes");
                    System.arraycopy(bytes, 0, out, at, bytes.length);
                    at += bytes.length;
                }
                if (out != null && at != expected)
                    throw new IllegalStateException("the parts of series " + series + " of analysis " + analysisId + " hold " + at + " bytes, not " + expected);
                return out;
            }
        }
    }

    /** Starts series {@code series} of {@code floats} values, each then given by {@link #f32}; the previous one must be complete. */
    SeriesPartCodec series(String series, int floats) {
        if (left != 0 || leftInPart != 0) throw new IllegalStateException("series " + this.series + " is not complete");
        this.series = series;
        part = 0;
        left = floats;
        return this;
    }

    /** The series's next value (float32, stored little-endian with its bits as they are, NaN included). */
    void f32(float v) throws SQLException {
        if (leftInPart == 0) nextPart();
        copy.f32(v);
        leftInPart--;
    }

    /** The series's next {@code n} values: the first of {@code values}, as {@link #f32} one by one, in bulk. */
    void f32(float[] values, int n) throws SQLException {
        for (int i = 0; i < n; ) {
            if (leftInPart == 0) nextPart();
            int k = Math.min(leftInPart, n - i);
            copy.f32(values, i, i + k);
            i += k;
            leftInPart -= k;
        }
    }

    private void nextPart() throws SQLException {
        if (left == 0) throw new IllegalStateException("more values than announced for series " + series);
        leftInPart = Math.min(PART_FLOATS, left);
        left -= leftInPart;
        copy.row(4).int8(analysisId).text(series).int4(part++).floats(leftInPart);
    }

    /** Ends the COPY; answers the parts written. */
    long finish() throws SQLException {
        series(null, 0);
        return copy.finish();
    }

    @Override
    public void close() throws SQLException {
        copy.close();
    }
}
