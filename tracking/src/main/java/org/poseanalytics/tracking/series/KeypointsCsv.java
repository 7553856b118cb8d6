package org.poseanalytics.tracking.series;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.poseanalytics.pose.Keypoint;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.tracking.identity.TrackedFrame;
import org.poseanalytics.tracking.identity.TrackedPerson;
import org.poseanalytics.tracking.identity.Tracks;

/**
 * keypoints.csv as DESIGN.md defines it: one row per frame and track, {@code frame,time_s,track_id,} then per
 * landmark {@code <name>_x_px,<name>_y_px,<name>_z,<name>_visibility}. Missing values are empty cells.
 * Streaming: write the header once, then rows frame by frame.
 */
public final class KeypointsCsv {
    private final Writer out;
    private final Skeleton skeleton;

    public KeypointsCsv(Writer out, Skeleton skeleton) {
        this.out = out;
        this.skeleton = skeleton;
    }

    /** Writes the whole file for all confirmed tracks; with nobody tracked, nothing is written. */
    public static void write(Writer out, Tracks tracks) {
        var sk = tracks.skeleton();
        if (sk.isEmpty()) return;
        KeypointsCsv csv = new KeypointsCsv(out, sk.get());
        csv.header();
        for (TrackedFrame f : tracks.frames()) csv.frame(f);
    }

    public static String header(Skeleton skeleton) {
        StringBuilder b = new StringBuilder("frame,time_s,track_id");
        for (String n : skeleton.names()) b.append(',').append(n).append("_x_px,").append(n).append("_y_px,")
                .append(n).append("_z,").append(n).append("_visibility");
        return b.toString();
    }

    public void header() { line(header(skeleton)); }

    public void frame(TrackedFrame f) {
        for (TrackedPerson p : f.persons()) {
            if (p.pose().skeleton() != skeleton) {
                throw new IllegalArgumentException("track " + p.trackId() + " in frame " + f.frameIndex() + " uses "
                        + p.pose().skeleton() + " but this file is " + skeleton);
            }
            StringBuilder b = new StringBuilder();
            b.append(f.frameIndex()).append(',').append(num(f.timeS(), 6)).append(',').append(p.trackId());
            for (Keypoint k : p.pose().keypoints()) {
                b.append(',').append(num(k.x())).append(',').append(num(k.y())).append(',').append(num(k.z()))
                        .append(',').append(num(k.visibility()));
            }
            line(b.toString());
        }
    }

    static String num(double v) { return num(v, 4); }

    /** Plain decimal (no exponent), trailing zeros dropped, empty for a gap. */
    public static String num(double v, int decimals) {
        if (!Double.isFinite(v)) return "";
        return java.math.BigDecimal.valueOf(v).setScale(decimals, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private void line(String s) {
        try {
            out.write(s);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("could not write keypoints.csv", e);
        }
    }
}
