package org.poseanalytics.kinematics.point;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.poseanalytics.tracking.point.PointSpec;
import org.poseanalytics.tracking.point.PointTrajectory;
import org.poseanalytics.tracking.point.TrackedPoint;

/**
 * A bar end's known vertical path (test truth): rest at the top, then per repetition a lowering over {@code downS},
 * a pause at the bottom, a rise over {@code upS[k]}, each a half cosine of {@code depthM}; the same schedule the
 * command-line truth video moves its pattern along. Mean concentric velocity of repetition k is depth ÷ upS[k],
 * peak π/2 times that, mean eccentric depth ÷ downS.
 */
public record BarPath(double depthM, double downS, double pauseS, double[] upS, double restS) {
    public static final BarPath SLOWING = new BarPath(0.8, 1.0, 0.3, new double[]{0.8, 1.0, 1.25}, 0.5);

    public double duration() {
        double d = restS;
        for (double u : upS) d += downS + pauseS + u + restS;
        return d;
    }

    /** Depth below the top in metres at time t (0 at rest, depthM at the bottom). */
    public double depthAt(double t) {
        double s = restS;
        for (double u : upS) {
            if (t < s) return 0;
            if (t < s + downS) return depthM * (1 - Math.cos(Math.PI * (t - s) / downS)) / 2;
            if (t < s + downS + pauseS) return depthM;
            if (t < s + downS + pauseS + u) return depthM * (1 + Math.cos(Math.PI * (t - s - downS - pauseS) / u)) / 2;
            s += downS + pauseS + u + restS;
        }
        return 0;
    }

    public double meanConcentric(int rep) { return depthM / upS[rep - 1]; }

    public double peakConcentric(int rep) { return Math.PI / 2 * depthM / upS[rep - 1]; }

    public double meanEccentric() { return depthM / downS; }

    public double velocityLoss() { return 100 * (meanConcentric(1) - meanConcentric(upS.length)) / meanConcentric(1); }

    /** The path as a tracker would report it: at {@code fps}, {@code pxPerM} pixels per metre, with pixel noise. */
    public PointTrajectory tracked(double fps, double pxPerM, double noisePx, long seed) {
        Random rnd = new Random(seed);
        List<TrackedPoint> pts = new ArrayList<>();
        int n = (int) (duration() * fps);
        for (int i = 0; i < n; i++) {
            double t = i / fps;
            pts.add(new TrackedPoint(i, t, 320 + rnd.nextGaussian() * noisePx, 100 + depthAt(t) * pxPerM + rnd.nextGaussian() * noisePx, 0.9, false));
        }
        return new PointTrajectory(1, new PointSpec(320, 100, 0), 0, pts);
    }
}
