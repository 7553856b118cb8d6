package org.poseanalytics.kinematics.rating;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import org.poseanalytics.kinematics.angle.AngleSeries;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.angle.Dimension;
import org.poseanalytics.kinematics.angle.JointAngle;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.angle.ViewSigns;
import org.poseanalytics.kinematics.quality.SampleIssue;
import org.poseanalytics.kinematics.view.CameraView;
import org.poseanalytics.kinematics.view.ViewSummary;

/**
 * Angle tables with known per-sample issues, as the angles stage will rate them: invalid samples are NaN unless a
 * test asks to keep a wild value in them (to prove that a consumer ignores invalid samples by their issue).
 */
public final class RatedTables {
    private final int n;
    private final double fps;
    private final List<AngleSeries> series = new ArrayList<>();

    private RatedTables(int n, double fps) { this.n = n; this.fps = fps; }

    public static RatedTables of(int n, double fps) { return new RatedTables(n, fps); }

    public RatedTables add(JointAngle angle, Side side, Dimension dim, IntToDoubleFunction value, IntFunction<SampleIssue> issue) {
        return add(angle, side, dim, value, issue, false);
    }

    /** @param keepInvalidValues leave the values of invalid samples in place (an angles stage that forgot to NaN them) */
    public RatedTables add(JointAngle angle, Side side, Dimension dim, IntToDoubleFunction value, IntFunction<SampleIssue> issue,
                           boolean keepInvalidValues) {
        double[] v = new double[n];
        SampleIssue[] is = new SampleIssue[n];
        for (int i = 0; i < n; i++) {
            is[i] = issue.apply(i);
            v[i] = !keepInvalidValues && !is[i].quality().usable() ? Double.NaN : value.applyAsDouble(i);
        }
        series.add(new AngleSeries(angle, side, dim, v, new double[n], is));
        return this;
    }

    public AngleTable build() {
        long[] frames = new long[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) { frames[i] = i; t[i] = i / fps; }
        return new AngleTable(frames, t, series, new ViewSigns(1, 1));
    }

    public static IntFunction<SampleIssue> all(SampleIssue issue) { return i -> issue; }

    /** {@code issue} on samples [from, to), NONE elsewhere. */
    public static IntFunction<SampleIssue> between(int from, int to, SampleIssue issue) {
        return i -> i >= from && i < to ? issue : SampleIssue.NONE;
    }

    /** A dominant view over the whole recording, the planes' angles unknown. */
    public static ViewSummary view(CameraView v) {
        return new ViewSummary(v, 1.0, Map.of(v, 1.0), Double.NaN, Double.NaN);
    }

    public static SampleIssue[] issues(int n, IntFunction<SampleIssue> f) {
        SampleIssue[] out = new SampleIssue[n];
        Arrays.setAll(out, f);
        return out;
    }
}
