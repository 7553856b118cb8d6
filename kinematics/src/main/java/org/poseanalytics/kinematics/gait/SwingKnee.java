package org.poseanalytics.kinematics.gait;

import java.util.ArrayList;
import java.util.List;
import org.poseanalytics.kinematics.angle.AngleSeries;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.angle.Dimension;
import org.poseanalytics.kinematics.angle.JointAngle;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.quality.SampleIssue;
import org.poseanalytics.kinematics.rating.QualityRule;
import org.poseanalytics.kinematics.rating.Rating;
import org.poseanalytics.kinematics.view.ViewSummary;

/**
 * Peak knee flexion in swing (toe-off to the same foot's next heel strike), per side and measurement, mean over the
 * swings: {@code knee_flexion[_3d]_swing_peak_mean}. From usable samples only, rated over the swing samples and no
 * better than the foot's events.
 */
final class SwingKnee {
    private SwingKnee() {}

    static List<MetricRecord> metrics(AngleTable angles, List<GaitEvent> events, ViewSummary view, Rating left, Rating right) {
        List<MetricRecord> out = new ArrayList<>();
        for (AngleSeries s : angles.series()) {
            if (s.angle() != JointAngle.KNEE_FLEXION || s.side() == Side.NONE) continue;
            SampleIssue[] issues = QualityRule.withGaps(s.valuesDeg(), s.issues());
            double[] v = QualityRule.usable(s.valuesDeg(), issues);
            List<SampleIssue> inSwing = new ArrayList<>();
            double sum = 0;
            int swings = 0;
            GaitEvent toeOff = null;
            for (GaitEvent e : events) {
                if (e.side() != s.side()) continue;
                if (e.type() == GaitEvent.Type.TOE_OFF) { toeOff = e; continue; }
                if (toeOff == null) continue;
                int from = index(angles.timesS(), toeOff.timeS()), to = index(angles.timesS(), e.timeS());
                toeOff = null;
                double peak = Double.NaN;
                for (int i = from; i <= to; i++) {
                    inSwing.add(issues[i]);
                    if (Double.isFinite(v[i]) && !(v[i] <= peak)) peak = v[i];
                }
                Rating swing = QualityRule.rate(issues, from, to, QualityRule.Context.NONE);
                if (swing.usable() && Double.isFinite(peak)) { sum += peak; swings++; }
            }
            if (inSwing.isEmpty()) continue;
            QualityRule.Context context = new QualityRule.Context(s.dimension() == Dimension.IMAGE_2D ? s.angle().plane() : null, view);
            Rating rating = QualityRule.rate(inSwing.toArray(SampleIssue[]::new), context).worst(s.side() == Side.LEFT ? left : right);
            if (swings == 0 && rating.usable()) rating = Rating.invalid("no swing with enough measured samples");
            out.add(MetricRecord.session(s.angle().id() + s.dimension().suffix() + "_swing_peak_mean", swings == 0 ? Double.NaN : sum / swings,
                    "deg", s.side(), rating));
        }
        return out;
    }

    private static int index(double[] times, double t) {
        int i = java.util.Arrays.binarySearch(times, t);
        return i >= 0 ? i : Math.min(times.length - 1, -i - 1);
    }
}
