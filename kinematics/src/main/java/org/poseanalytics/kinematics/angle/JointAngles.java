package org.poseanalytics.kinematics.angle;

import java.util.ArrayList;
import java.util.List;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * Computes every {@link JointAngle} the skeleton allows, in the image plane and, when the series has world
 * landmarks, in 3D. Angles are only as good as the series: feed the filtered one.
 */
public final class JointAngles {
    private JointAngles() {}

    /**
     * The stage's entry: angles of the filtered series, each sample rated (view, visibility, frame, interpolation,
     * plausibility). TODO(quality): scaffold that does not rate yet.
     */
    public static AngleTable compute(org.poseanalytics.kinematics.KinematicsInput input) {
        return compute(input.filtered().series());
    }

    public static AngleTable compute(KeypointSeries series) {
        if (series == null) throw new IllegalArgumentException("no keypoint series given");
        double[] t = series.timesS();
        for (int i = 1; i < t.length; i++)
            if (!(t[i] > t[i - 1]))
                throw new IllegalArgumentException("timestamps must increase: sample " + i + " has " + t[i] + " s after " + t[i - 1] + " s");
        ViewSigns signs = ViewSigns.of(series);
        List<AngleSeries> out = new ArrayList<>();
        List<Dimension> dims = series.hasWorld() ? List.of(Dimension.IMAGE_2D, Dimension.WORLD_3D) : List.of(Dimension.IMAGE_2D);
        for (Dimension dim : dims) {
            Landmarks p = new Landmarks(series, dim);
            BodyFrame[] frames = new BodyFrame[series.length()];
            for (int i = 0; i < frames.length; i++) {
                p.at(i);
                frames[i] = dim == Dimension.WORLD_3D ? BodyFrame.of3d(p) : BodyFrame.of2d(p, signs);
            }
            for (JointAngle angle : JointAngle.values()) {
                if (!angle.availableFor(series.skeleton())) continue;
                for (Side side : angle.sides()) {
                    double[] v = new double[series.length()];
                    for (int i = 0; i < v.length; i++) v[i] = angle.compute(p.at(i), frames[i], side);
                    double[] unwrapped = Continuity.unwrapDeg(v);
                    out.add(new AngleSeries(angle, side, dim, unwrapped, Continuity.velocity(unwrapped, t)));
                }
            }
        }
        return new AngleTable(series.frames(), t, out, signs);
    }
}
