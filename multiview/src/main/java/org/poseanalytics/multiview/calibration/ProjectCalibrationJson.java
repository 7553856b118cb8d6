package org.poseanalytics.multiview.calibration;

import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The project's own calibration file, written by {@code pose-analytics calibrate}: matrices as rows, distances in
 * metres, the world's up direction and each camera's reprojection error. {@code format} tells it from other JSON.
 */
final class ProjectCalibrationJson {
    static final String FORMAT = "pose-analytics-calibration";
    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The file as written: {@code rotation} is world → camera, {@code translation_m} world → camera in metres. */
    record File(String format, Integer version, String source, double[] up, List<CameraEntry> cameras) {}

    record CameraEntry(String name, Integer width, Integer height, double[][] matrix, double[] distortion, double[][] rotation,
                       double[] translationM, Double reprojectionErrorPx) {}

    private ProjectCalibrationJson() {}

    static boolean looksLikeOurs(Path file) {
        try {
            var node = JSON.readTree(file.toFile());
            return node.isObject() && FORMAT.equals(node.path("format").asString(""));
        } catch (JacksonException e) {
            return false;
        }
    }

    static Calibration read(Path file) {
        String where = file.getFileName().toString();
        File f;
        try {
            f = JSON.readValue(file.toFile(), File.class);
        } catch (JacksonException e) {
            throw new CalibrationFormatException(where + ": not a readable calibration JSON: " + e.getOriginalMessage(), e);
        }
        return calibration(f, where);
    }

    /** The project JSON held as text (a calibration kept with a stored analysis), read as a file of it is. */
    static Calibration read(String json, String where) {
        File f;
        try {
            f = JSON.readValue(json, File.class);
        } catch (JacksonException e) {
            throw new CalibrationFormatException(where + ": not a readable calibration JSON: " + e.getOriginalMessage(), e);
        }
        return calibration(f, where);
    }

    private static Calibration calibration(File f, String where) {
        if (!FORMAT.equals(f.format())) throw new CalibrationFormatException(where + ": 'format' must be \"" + FORMAT + "\"");
        if (f.cameras() == null || f.cameras().isEmpty()) throw new CalibrationFormatException(where + ": no cameras");
        double[] errors = new double[f.cameras().size()];
        List<Camera> cams = new java.util.ArrayList<>();
        for (int i = 0; i < f.cameras().size(); i++) {
            CameraEntry c = f.cameras().get(i);
            String at = where + " camera " + (c.name() == null ? i + 1 : c.name());
            if (c.width() == null || c.height() == null || c.matrix() == null || c.rotation() == null || c.translationM() == null)
                throw new CalibrationFormatException(at + ": needs width, height, matrix, rotation and translation_m");
            try {
                cams.add(new Camera(c.name(), c.width(), c.height(), rows(c.matrix(), at, "matrix"), c.distortion(),
                        rows(c.rotation(), at, "rotation"), c.translationM()));
            } catch (IllegalArgumentException e) {
                throw new CalibrationFormatException(at + ": " + e.getMessage(), e);
            }
            errors[i] = c.reprojectionErrorPx() == null ? Double.NaN : c.reprojectionErrorPx();
        }
        try {
            return new Calibration(cams, f.up() == null ? Calibration.firstCameraUp(cams) : f.up(), errors, f.source());
        } catch (IllegalArgumentException e) {
            throw new CalibrationFormatException(where + ": " + e.getMessage(), e);
        }
    }

    static void write(Calibration c, Path file) { JSON.writeValue(file.toFile(), file(c)); }

    static String toJson(Calibration c) { return JSON.writeValueAsString(file(c)); }

    private static File file(Calibration c) {
        List<CameraEntry> cams = new java.util.ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            Camera cam = c.camera(i);
            double e = c.reprojectionErrorPx()[i];
            cams.add(new CameraEntry(cam.name(), cam.width(), cam.height(), square(cam.k()), cam.distortion(), square(cam.r()),
                    cam.t(), Double.isFinite(e) ? e : null));
        }
        return new File(FORMAT, 1, c.source(), c.up(), cams);
    }

    private static double[] rows(double[][] m, String at, String what) {
        if (m.length != 3) throw new CalibrationFormatException(at + ": '" + what + "' must have 3 rows");
        double[] out = new double[9];
        for (int i = 0; i < 3; i++) {
            if (m[i] == null || m[i].length != 3) throw new CalibrationFormatException(at + ": '" + what + "' rows must have 3 values");
            System.arraycopy(m[i], 0, out, 3 * i, 3);
        }
        return out;
    }

    private static double[][] square(double[] m) {
        return new double[][]{{m[0], m[1], m[2]}, {m[3], m[4], m[5]}, {m[6], m[7], m[8]}};
    }
}
