package org.poseanalytics.pose.pipeline;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;
import org.poseanalytics.pose.Keypoint;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.skeleton.Skeleton;

/**
 * Writes keypoints.csv as the command-line contract defines it: {@code frame,time_s,track_id,} then per landmark
 * {@code <name>_x_px,<name>_y_px,<name>_z,<name>_visibility}, one row per frame and track, streamed.
 * ({@code _z} is BlazePose's relative depth on the x pixel scale.)
 */
public final class KeypointsCsv implements AutoCloseable {
    private final BufferedWriter out;
    private final Skeleton skeleton;

    public KeypointsCsv(Writer out, Skeleton skeleton) {
        this.out = out instanceof BufferedWriter b ? b : new BufferedWriter(out);
        this.skeleton = skeleton;
        StringBuilder header = new StringBuilder("frame,time_s,track_id");
        for (String name : skeleton.names()) {
            header.append(',').append(name).append("_x_px,").append(name).append("_y_px,")
                    .append(name).append("_z,").append(name).append("_visibility");
        }
        line(header.toString());
    }

    public void write(long frame, double timeS, int trackId, PersonPose pose) {
        if (pose.skeleton() != skeleton) throw new IllegalArgumentException("pose has skeleton " + pose.skeleton() + ", file has " + skeleton);
        StringBuilder row = new StringBuilder(64 + skeleton.size() * 40);
        row.append(frame).append(',').append(String.format(Locale.ROOT, "%.6f", timeS)).append(',').append(trackId);
        for (Keypoint k : pose.keypoints()) {
            row.append(',').append(num(k.x(), 2)).append(',').append(num(k.y(), 2)).append(',').append(num(k.z(), 2))
                    .append(',').append(num(k.visibility(), 4));
        }
        line(row.toString());
    }

    private static String num(double v, int decimals) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private void line(String s) {
        try {
            out.write(s);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
