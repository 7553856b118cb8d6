package org.poseanalytics.web.report;

import java.util.ArrayList;
import java.util.List;
import org.poseanalytics.kinematics.angle.AngleSeries;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.angle.Dimension;
import org.poseanalytics.kinematics.angle.JointAngle;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.angle.ViewSigns;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.tracking.series.KeypointSeries;
import org.poseanalytics.web.analysis.AngleColumn;
import org.poseanalytics.web.analysis.AngleDimension;
import org.poseanalytics.web.analysis.Angles;
import org.poseanalytics.web.analysis.Keypoints;
import org.poseanalytics.web.analysis.SubjectKeypoints;

/**
 * Stored results back into the kinematics module's types, so the downloads are written by the same exporters
 * as the command line's (AnglesCsv, MotWriter, TrcWriter) and read the same.
 */
final class ExportTables {
    private ExportTables() {}

    static AngleTable angleTable(Angles angles) {
        List<AngleSeries> series = new ArrayList<>();
        for (AngleColumn c : angles.columns()) {
            JointAngle joint = joint(c.joint());
            if (joint == null) continue;
            Side side = Side.valueOf(c.side().name());
            Dimension dim = c.dimension() == AngleDimension.WORLD_3D ? Dimension.WORLD_3D : Dimension.IMAGE_2D;
            // Angles stored before samples were rated go back unrated (the scaffold constructor says NaN = not tracked).
            series.add(c.rated()
                    ? new AngleSeries(joint, side, dim, doubles(c.valuesDeg()), doubles(c.velocityDegPerS()), c.issues())
                    : unrated(joint, side, dim, c));
        }
        return new AngleTable(angles.frames(), angles.timesS(), series, new ViewSigns(1, 1));
    }

    @SuppressWarnings("deprecation")
    private static AngleSeries unrated(JointAngle joint, Side side, Dimension dim, AngleColumn c) {
        return new AngleSeries(joint, side, dim, doubles(c.valuesDeg()), doubles(c.velocityDegPerS()));
    }

    static KeypointSeries keypointSeries(SubjectKeypoints subject, Skeleton skeleton) {
        Keypoints kp = subject.keypoints();
        int k = kp.landmarkCount(), n = kp.length();
        double[][] x = new double[k][n], y = new double[k][n], z = new double[k][n], v = new double[k][n];
        double[][] wx = subject.world() == null ? null : new double[k][n];
        double[][] wy = wx == null ? null : new double[k][n], wz = wx == null ? null : new double[k][n];
        for (int s = 0; s < n; s++) {
            for (int l = 0; l < k; l++) {
                x[l][s] = kp.x(s, l);
                y[l][s] = kp.y(s, l);
                z[l][s] = kp.z(s, l);
                v[l][s] = kp.visibility(s, l);
                if (wx != null) {
                    int i = (s * k + l) * 3;
                    wx[l][s] = subject.world()[i];
                    wy[l][s] = subject.world()[i + 1];
                    wz[l][s] = subject.world()[i + 2];
                }
            }
        }
        return new KeypointSeries(skeleton, kp.frames(), kp.timesS(), x, y, z, v, wx, wy, wz, subject.filter());
    }

    private static JointAngle joint(String id) {
        for (JointAngle j : JointAngle.values()) if (j.id().equals(id)) return j;
        return null;
    }

    private static double[] doubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }
}
