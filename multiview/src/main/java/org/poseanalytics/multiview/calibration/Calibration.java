package org.poseanalytics.multiview.calibration;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A set of cameras calibrated in one world frame (metres).
 *
 * @param cameras              in the order videos are given
 * @param up                   the world's up direction as a unit vector in world coordinates: +Z for Pose2Sim,
 *                             Anipose and Qualisys (board or wand on the floor); for a world that is the first
 *                             camera's frame, that camera's −y (which assumes the first camera stands level)
 * @param reprojectionErrorPx  per camera, the calibration's RMS reprojection error in pixels (NaN when the file
 *                             does not say)
 * @param source               where it came from, e.g. "checkerboard 9x6 0.025 m", "pose2sim-toml"
 */
public record Calibration(List<Camera> cameras, double[] up, double[] reprojectionErrorPx, String source) {

    public static final double[] Z_UP = {0, 0, 1};

    public Calibration {
        if (cameras == null || cameras.isEmpty()) throw new IllegalArgumentException("a calibration needs at least one camera");
        cameras = List.copyOf(cameras);
        Set<String> names = new HashSet<>();
        for (Camera c : cameras) if (!names.add(c.name())) throw new IllegalArgumentException("two cameras are named " + c.name());
        if (up == null || up.length != 3) throw new IllegalArgumentException("the up direction needs 3 values");
        double n = Math.sqrt(up[0] * up[0] + up[1] * up[1] + up[2] * up[2]);
        if (!(n > 1e-9)) throw new IllegalArgumentException("the up direction must not be zero");
        up = new double[]{up[0] / n, up[1] / n, up[2] / n};
        if (reprojectionErrorPx == null) {
            reprojectionErrorPx = new double[cameras.size()];
            java.util.Arrays.fill(reprojectionErrorPx, Double.NaN);
        }
        if (reprojectionErrorPx.length != cameras.size()) throw new IllegalArgumentException("one reprojection error per camera expected");
        reprojectionErrorPx = reprojectionErrorPx.clone();
        source = source == null ? "" : source;
    }

    public Calibration(List<Camera> cameras, double[] up, String source) { this(cameras, up, null, source); }

    public int size() { return cameras.size(); }

    public Camera camera(int i) { return cameras.get(i); }

    /** The first camera's up (−y of its image) in world coordinates: the best guess when the file does not say. */
    public static double[] firstCameraUp(List<Camera> cameras) {
        double[] r = cameras.getFirst().r();
        // Row 1 of R is the camera's y axis in world coordinates; up is its opposite.
        return new double[]{-r[3], -r[4], -r[5]};
    }
}
