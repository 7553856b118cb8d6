package org.poseanalytics.web.analysis;

import java.util.ArrayList;
import java.util.List;
import org.poseanalytics.multiview.calibration.Calibration;
import org.poseanalytics.multiview.calibration.Camera;
import org.poseanalytics.multiview.triangulation.Triangulated;
import org.poseanalytics.multiview.triangulation.WorldAxes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the browser draws of a {@link MultiViewSkeleton}: the skeleton in 3D for the rotatable view, and its
 * reprojection into each camera's video for the overlay player. The projection is the library's camera model
 * ({@link Camera#project}, with the lens distortion), so what is drawn on a video is exactly where the triangulated
 * point lands in that camera, and how far it sits from the person shows how well the views agreed.
 */
public final class MultiViewDrawing {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MultiViewDrawing() {}

    /**
     * For pa-skeleton-3d: {t: [s, first camera's clock], p: [[x, y, z or null per landmark] per sample] in metres in a
     * y-up frame (y = the calibration's up; x level along the first camera's image x), bones, floor (y of the ground:
     * the lowest foot points), centre [x, z] of the hips, cameras [{name, position}] in the same frame}.
     */
    public static String skeleton3d(MultiViewSkeleton s) {
        Triangulated t = s.points();
        WorldAxes axes = WorldAxes.of(s.calibration());
        ObjectNode o = JSON.createObjectNode();
        ArrayNode times = o.putArray("t");
        ArrayNode samples = o.putArray("p");
        List<Double> ys = new ArrayList<>();
        double cx = 0, cz = 0;
        int centres = 0;
        for (int i = 0; i < t.length(); i++) {
            times.add(round(t.timesS()[i], 1e4));
            ArrayNode f = samples.addArray();
            for (int l = 0; l < t.skeleton().size(); l++) {
                if (!t.found(l, i) || !Double.isFinite(t.x()[l][i])) {
                    f.addNull().addNull().addNull();
                    continue;
                }
                double[] q = yUp(axes, t.point(l, i));
                f.add(round(q[0], 1e3)).add(round(q[1], 1e3)).add(round(q[2], 1e3));
                ys.add(q[1]);
                String name = t.skeleton().name(l);
                if (name.endsWith("_hip")) { cx += q[0]; cz += q[2]; centres++; }
            }
        }
        ArrayNode bones = o.putArray("bones");
        for (int[] b : t.skeleton().bones()) bones.addArray().add(b[0]).add(b[1]);
        double[] sorted = ys.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        // The ground: the lowest points the body reaches (feet), a low percentile so one stray point does not sink it.
        o.put("floor", sorted.length == 0 ? 0 : round(sorted[(int) (0.01 * (sorted.length - 1))], 1e3));
        o.putArray("centre").add(centres == 0 ? 0 : round(cx / centres, 1e3)).add(centres == 0 ? 0 : round(cz / centres, 1e3));
        ArrayNode cams = o.putArray("cameras");
        for (Camera c : s.calibration().cameras()) {
            double[] q = yUp(axes, c.centre());
            cams.addObject().put("name", c.name()).putArray("position").add(round(q[0], 1e3)).add(round(q[1], 1e3)).add(round(q[2], 1e3));
        }
        return o.toString();
    }

    /**
     * For pa-analysis-player on camera {@code camera}'s video: the skeleton projected into that camera, on that video's
     * own clock (the first camera's time minus the camera's sync offset: a time t in camera v's video is t + offset on
     * the first camera's clock).
     */
    public static String reprojected(MultiViewSkeleton s, int camera, double syncOffsetS) {
        Triangulated t = s.points();
        Camera cam = s.calibration().camera(camera);
        ObjectNode o = JSON.createObjectNode();
        o.put("width", cam.width()).put("height", cam.height());
        ArrayNode times = o.putArray("t");
        ArrayNode frames = o.putArray("kp");
        for (int i = 0; i < t.length(); i++) {
            times.add(round(t.timesS()[i] - (Double.isFinite(syncOffsetS) ? syncOffsetS : 0), 1e4));
            ArrayNode f = frames.addArray();
            for (int l = 0; l < t.skeleton().size(); l++) {
                double[] px = t.found(l, i) && Double.isFinite(t.x()[l][i]) ? projected(cam, t.point(l, i)) : null;
                if (px == null) f.addNull().addNull().add(0);
                else f.add(round(px[0], 10)).add(round(px[1], 10)).add(round(Math.max(0.05, t.confidence()[l][i]), 100));
            }
        }
        ArrayNode bones = o.putArray("bones");
        for (int[] b : t.skeleton().bones()) bones.addArray().add(b[0]).add(b[1]);
        o.putArray("labels");
        o.putArray("others");
        return o.toString();
    }

    /** The pixel a world point lands on in the camera, or null when it is behind the camera or far outside its image. */
    static double[] projected(Camera cam, double[] world) {
        if (cam.toCamera(world)[2] <= 0) return null;
        double[] px = cam.project(world);
        boolean far = !Double.isFinite(px[0]) || !Double.isFinite(px[1]) || Math.abs(px[0]) > 3L * cam.width() || Math.abs(px[1]) > 3L * cam.height();
        return far ? null : px;
    }

    private static double[] yUp(WorldAxes axes, double[] p) {
        double[] s = axes.toSeries(p);
        // toSeries gives (X·p, −Y·p, −Z·p); three.js wants the right-handed y-up (X·p, Y·p, Z·p).
        return new double[]{s[0], -s[1], -s[2]};
    }

    private static double round(double v, double scale) { return Math.round(v * scale) / scale; }
}
