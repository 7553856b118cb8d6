package org.poseanalytics.multiview.calibration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * Pose2Sim and Anipose calibration files: one table per camera with {@code name}, {@code size} [w, h],
 * {@code matrix} (K, 3×3), {@code distortions} (k1 k2 p1 p2 [k3]), {@code rotation} (Rodrigues vector, world →
 * camera) and {@code translation}; a {@code [metadata]} table is ignored. The world's up is +Z (the board or the
 * wand lies on the floor in both tools).
 *
 * <p>Pose2Sim writes translations in metres; Anipose in the unit of the board's square length, usually
 * millimetres. Cameras more than {@value #MM_THRESHOLD} units from the origin cannot be metres for a movement
 * capture, so such a file is read as millimetres, and {@link Calibration#source()} says so.
 */
final class Pose2SimToml {
    static final double MM_THRESHOLD = 100;
    private static final TomlMapper TOML = new TomlMapper();

    private Pose2SimToml() {}

    static Calibration read(Path file) {
        String where = file.getFileName().toString();
        JsonNode root;
        try {
            root = TOML.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new CalibrationFormatException(where + ": not a readable TOML file: " + e.getOriginalMessage(), e);
        }
        List<Camera> cameras = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (e.getKey().equals("metadata")) continue;
            JsonNode cam = e.getValue();
            if (!cam.isObject()) continue;
            String at = where + " [" + e.getKey() + "]";
            String name = cam.has("name") ? cam.get("name").asString() : e.getKey();
            double[] size = Nodes.numbers(cam, "size", 2, at);
            double[] k = Nodes.numbers(cam, "matrix", 9, at);
            double[] dist = Nodes.numbers(cam, "distortions", 0, at);
            double[] rvec = Nodes.numbers(cam, "rotation", 3, at);
            double[] t = Nodes.numbers(cam, "translation", 3, at);
            if (cam.has("fisheye") && cam.get("fisheye").asBoolean())
                throw new CalibrationFormatException(at + ": fisheye cameras are not supported (only OpenCV's pinhole model with k1 k2 p1 p2 k3)");
            try {
                cameras.add(Camera.ofRodrigues(name, (int) Math.round(size[0]), (int) Math.round(size[1]), k, dist, rvec, t));
            } catch (IllegalArgumentException ex) {
                throw new CalibrationFormatException(at + ": " + ex.getMessage(), ex);
            }
        }
        if (cameras.isEmpty()) throw new CalibrationFormatException(where + ": no camera table found (expected [cam_01] ... with matrix, distortions, rotation, translation)");
        String source = "pose2sim-toml";
        double[] d = cameras.stream().mapToDouble(c -> norm(c.centre())).sorted().toArray();
        if (d[d.length / 2] > MM_THRESHOLD) {
            cameras = cameras.stream().map(c -> new Camera(c.name(), c.width(), c.height(), c.k(), c.distortion(), c.r(),
                    new double[]{c.t()[0] / 1000, c.t()[1] / 1000, c.t()[2] / 1000})).toList();
            source = "anipose-toml (translations read as millimetres)";
        }
        return new Calibration(cameras, Calibration.Z_UP, source);
    }

    static double norm(double[] v) { return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]); }
}
