package org.poseanalytics.kinematics.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.poseanalytics.kinematics.repetition.Signals;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * OpenSim marker file (.trc, PathFileType 4) of the keypoints, in OpenSim's axes: Y up, right-handed.
 *
 * <ul>
 *   <li>{@link Units#WORLD_MM}: BlazePose world landmarks in millimetres, (x, −y, −z) of the model's (x right,
 *       y down, z away), i.e. a 180° turn about x; origin between the hips of each frame (the model gives no
 *       global translation).</li>
 *   <li>{@link Units#WORLD_M}: the same axes in metres, for world arrays with a real origin (triangulated keypoints,
 *       whose world arrays hold the calibration's metres in these axes).</li>
 *   <li>{@link Units#IMAGE_M}: image pixels scaled to metres by {@code metresPerPixel}, X = x·s, Y = (height
 *       − y)·s so Y is up from the image bottom, Z = 0. Only meaningful for movement in a plane parallel to the
 *       image. {@link #metresPerPixel(KeypointSeries, double)} derives the scale from the subject's height.</li>
 * </ul>
 * DataRate is the median frame rate of the timestamps; the Time column carries the real time of each frame.
 * Gaps are written as empty fields, as OpenSim's marker files do for missing markers.
 */
public final class TrcWriter {
    public enum Units { WORLD_MM, WORLD_M, IMAGE_M }

    private TrcWriter() {}

    public static void write(KeypointSeries s, Units units, double metresPerPixel, double imageHeightPx, String fileName, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) { write(s, units, metresPerPixel, imageHeightPx, fileName, w); }
    }

    public static void write(KeypointSeries s, Units units, double metresPerPixel, double imageHeightPx, String fileName, Writer w) throws IOException {
        if (units != Units.IMAGE_M && !s.hasWorld()) throw new IllegalArgumentException("a .trc in mm needs world landmarks; this series has none (use IMAGE_M)");
        if (units == Units.IMAGE_M && !(metresPerPixel > 0)) throw new IllegalArgumentException("metresPerPixel must be positive, got " + metresPerPixel);
        int n = s.length(), k = s.skeleton().size();
        double rate = rate(s.timesS());
        String unit = units == Units.WORLD_MM ? "mm" : "m";
        w.write("PathFileType\t4\t(X/Y/Z)\t" + fileName + "\n");
        w.write("DataRate\tCameraRate\tNumFrames\tNumMarkers\tUnits\tOrigDataRate\tOrigDataStartFrame\tOrigNumFrames\n");
        w.write(String.format(Locale.ROOT, "%.4f\t%.4f\t%d\t%d\t%s\t%.4f\t%d\t%d%n", rate, rate, n, k, unit, rate, 1, n));
        StringBuilder names = new StringBuilder("Frame#\tTime");
        StringBuilder axes = new StringBuilder("\t");
        for (int m = 0; m < k; m++) {
            names.append('\t').append(s.skeleton().name(m)).append("\t\t");
            axes.append('\t').append("X").append(m + 1).append("\tY").append(m + 1).append("\tZ").append(m + 1);
        }
        w.write(names.append('\n').toString());
        w.write(axes.append('\n').toString());
        w.write("\n");
        for (int i = 0; i < n; i++) {
            StringBuilder row = new StringBuilder().append(i + 1).append('\t').append(String.format(Locale.ROOT, "%.6f", s.timesS()[i]));
            for (int m = 0; m < k; m++) {
                double[] p = position(s, units, metresPerPixel, imageHeightPx, m, i);
                double x = p[0], y = p[1], z = p[2];
                if (Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(z))
                    row.append(String.format(Locale.ROOT, "\t%.5f\t%.5f\t%.5f", x, y, z));
                else row.append("\t\t\t");
            }
            w.write(row.append('\n').toString());
        }
    }

    /** The unit a {@link Units} writes positions in: "mm" or "m". */
    public static String unit(Units units) { return units == Units.WORLD_MM ? "mm" : "m"; }

    /**
     * One marker's position (X, Y, Z) in OpenSim's axes and the unit of {@code units}, NaN where it is a gap; the .trc and
     * the C3D file write the same numbers.
     */
    public static double[] position(KeypointSeries s, Units units, double metresPerPixel, double imageHeightPx, int m, int i) {
        if (units != Units.IMAGE_M) {
            double scale = units == Units.WORLD_MM ? 1000 : 1;
            return new double[]{s.worldX().get(m, i) * scale, -s.worldY().get(m, i) * scale, -s.worldZ().get(m, i) * scale};
        }
        return new double[]{s.x().get(m, i) * metresPerPixel, (imageHeightPx - s.y().get(m, i)) * metresPerPixel, 0};
    }

    /**
     * Metres per pixel from the subject's standing height: the median over frames of the vertical extent from
     * the lowest foot point to the nose, scaled by 1.07 for the top of the head above the nose (about 7% of
     * stature). Good to a few percent for an upright person seen from the side or front; not for a squatting one.
     */
    public static double metresPerPixel(KeypointSeries s, double subjectHeightM) {
        double[] extent = new double[s.length()];
        int nose = s.skeleton().indexOf("nose");
        for (int i = 0; i < extent.length; i++) {
            double low = Double.NaN;
            for (String p : new String[]{"left_ankle", "right_ankle", "left_heel", "right_heel", "left_foot_index", "right_foot_index"}) {
                int m = s.skeleton().indexOf(p);
                if (m >= 0 && !s.isGap(m, i)) low = Double.isNaN(low) ? s.y().get(m, i) : Math.max(low, s.y().get(m, i));
            }
            extent[i] = s.isGap(nose, i) ? Double.NaN : (low - s.y().get(nose, i)) * 1.07;
        }
        double px = Signals.percentile(extent, 90); // the upright frames are the tall ones
        if (!(px > 0)) throw new IllegalArgumentException("cannot measure the subject's height in pixels (nose or feet never seen)");
        return subjectHeightM / px;
    }

    public static double rate(double[] t) {
        if (t.length < 2) return 0;
        double[] dt = new double[t.length - 1];
        for (int i = 1; i < t.length; i++) dt[i - 1] = t[i] - t[i - 1];
        Arrays.sort(dt);
        return 1 / dt[dt.length / 2];
    }
}
