package org.poseanalytics.multiview;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import org.poseanalytics.multiview.calibration.Calibration;
import org.poseanalytics.multiview.triangulation.Triangulated;
import org.poseanalytics.multiview.triangulation.WorldAxes;
import org.poseanalytics.tracking.FilteredSeries;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * keypoints_3d.csv: one row per moment of the common timeline, per landmark the filtered position in the calibration's
 * world frame ({@code _x_m, _y_m, _z_m}), the raw triangulation's reprojection error in pixels, the cameras it used
 * (names joined by '+') and a state: measured, interpolated (a short gap filled by the filter chain) or gap (empty).
 */
public final class Keypoints3dCsv {
    private Keypoints3dCsv() {}

    public static void write(Writer w, MultiViewStage.Result r) throws IOException {
        FilteredSeries f = r.filtered();
        KeypointSeries s = f.series();
        Triangulated t = r.triangulated();
        Calibration cal = r.calibration();
        WorldAxes axes = WorldAxes.of(cal);
        StringBuilder line = new StringBuilder("frame,time_s");
        for (String n : s.skeleton().names()) {
            line.append(',').append(n).append("_x_m,").append(n).append("_y_m,").append(n).append("_z_m,")
                    .append(n).append("_reprojection_error_px,").append(n).append("_cameras,").append(n).append("_state");
        }
        w.write(line.append('\n').toString());
        for (int i = 0; i < s.length(); i++) {
            line.setLength(0);
            line.append(s.frames()[i]).append(',').append(String.format(Locale.ROOT, "%.4f", s.timesS()[i]));
            for (int l = 0; l < s.skeleton().size(); l++) {
                boolean gap = s.isGap(l, i);
                double[] p = gap ? null : axes.fromSeries(new double[]{s.worldX().get(l, i), s.worldY().get(l, i), s.worldZ().get(l, i)});
                // The world point alone can be blank (an outlier there, not in the image): an empty cell, as a gap's.
                for (int a = 0; a < 3; a++) line.append(',').append(gap || !Double.isFinite(p[a]) ? "" : String.format(Locale.ROOT, "%.5f", p[a]));
                line.append(',').append(t.found(l, i) ? String.format(Locale.ROOT, "%.2f", t.errorPx()[l][i]) : "");
                line.append(',').append(cameras(cal, t.viewMask()[l][i]));
                line.append(',').append(gap ? "gap" : f.isInterpolated(l, i) || !t.found(l, i) ? "interpolated" : "measured");
            }
            w.write(line.append('\n').toString());
        }
    }

    private static String cameras(Calibration cal, int mask) {
        StringBuilder b = new StringBuilder();
        for (int v = 0; v < cal.size(); v++) if ((mask & (1 << v)) != 0) b.append(b.isEmpty() ? "" : "+").append(cal.camera(v).name());
        return b.toString();
    }
}
