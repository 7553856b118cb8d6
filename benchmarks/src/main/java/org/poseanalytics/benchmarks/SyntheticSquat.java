package org.poseanalytics.benchmarks;

import java.util.Random;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * A side-view squatter in a 720×1280 portrait frame, BlazePose's 33 landmarks, one squat every 2 s with 2 px of
 * seeded noise: the size and shape of what the filter and angle stages get from a real minute of video. Speed
 * only; the stages' correctness is tested on known truth in their own modules.
 */
final class SyntheticSquat {
    static final int WIDTH = 720, HEIGHT = 1280;

    private SyntheticSquat() {}

    static KeypointSeries series(double seconds, double fps, long seed) {
        Skeleton sk = Skeleton.BLAZEPOSE_33;
        int n = (int) Math.round(seconds * fps);
        long[] frames = new long[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) { frames[i] = i; t[i] = i / fps; }
        KeypointSeries s = KeypointSeries.empty(sk, frames, t, false, "raw");
        Random noise = new Random(seed);
        for (int i = 0; i < n; i++) {
            double depth = 0.5 - 0.5 * Math.cos(2 * Math.PI * t[i] / 2.0);   // 0 standing .. 1 deepest
            double ankleX = 360, ankleY = 1150;
            double kneeX = ankleX + 120 * depth, kneeY = ankleY - 230 + 40 * depth;
            double hipX = ankleX - 150 * depth, hipY = kneeY - 240 + 150 * depth;
            double shoulderX = hipX + 60 * depth, shoulderY = hipY - 300;
            double elbowX = shoulderX + 90 * depth, elbowY = shoulderY + 140;
            double wristX = elbowX + 120 * depth, wristY = elbowY + 130 - 60 * depth;
            for (int side = 0; side < 2; side++) {
                double dx = side == 0 ? -6 : 6;   // left and right a few pixels apart, as a side view sees them
                String p = side == 0 ? "left_" : "right_";
                put(s, sk, p + "shoulder", i, shoulderX + dx, shoulderY, noise);
                put(s, sk, p + "elbow", i, elbowX + dx, elbowY, noise);
                put(s, sk, p + "wrist", i, wristX + dx, wristY, noise);
                for (String hand : new String[]{"pinky", "index", "thumb"}) put(s, sk, p + hand, i, wristX + dx + 15, wristY + 20, noise);
                put(s, sk, p + "hip", i, hipX + dx, hipY, noise);
                put(s, sk, p + "knee", i, kneeX + dx, kneeY, noise);
                put(s, sk, p + "ankle", i, ankleX + dx, ankleY, noise);
                put(s, sk, p + "heel", i, ankleX + dx - 25, ankleY + 20, noise);
                put(s, sk, p + "foot_index", i, ankleX + dx + 90, ankleY + 25, noise);
            }
            // The face: every landmark not set above, around a head above the shoulders.
            for (int l = 0; l < sk.size(); l++)
                if (s.isGap(l, i)) put(s, l, i, shoulderX + 20 + 4 * (l % 5), shoulderY - 110 + 6 * (l % 3), noise);
        }
        return s;
    }

    private static void put(KeypointSeries s, Skeleton sk, String name, int i, double x, double y, Random noise) {
        int l = sk.indexOf(name);
        if (l < 0) throw new IllegalStateException("no landmark " + name);
        put(s, l, i, x, y, noise);
    }

    private static void put(KeypointSeries s, int l, int i, double x, double y, Random noise) {
        s.x().set(l, i, (float) (x + 2 * noise.nextGaussian()));
        s.y().set(l, i, (float) (y + 2 * noise.nextGaussian()));
        s.z().set(l, i, 0);
        s.visibility().set(l, i, 0.95f);
    }
}
