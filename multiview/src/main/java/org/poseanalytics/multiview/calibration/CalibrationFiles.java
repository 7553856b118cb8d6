package org.poseanalytics.multiview.calibration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads any calibration we know, by file name: Pose2Sim/Anipose {@code .toml}, Qualisys {@code .qca.txt}, the
 * project's own JSON (written by {@code pose-analytics calibrate}), and OpenCV FileStorage YAML/XML/JSON.
 */
public final class CalibrationFiles {
    private CalibrationFiles() {}

    public static Calibration read(Path file) {
        if (!Files.isRegularFile(file)) throw new CalibrationFormatException(file + ": no such calibration file");
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".toml")) return Pose2SimToml.read(file);
        if (name.endsWith(".qca.txt") || name.endsWith(".qca")) return QualisysQca.read(file);
        if (name.endsWith(".json") && ProjectCalibrationJson.looksLikeOurs(file)) return ProjectCalibrationJson.read(file);
        if (name.endsWith(".json") || name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".xml"))
            return OpenCvCalibrationFile.read(file);
        throw new CalibrationFormatException(file.getFileName() + ": unknown calibration format; expected .toml (Pose2Sim/Anipose), "
                + ".qca.txt (Qualisys), .json (pose-analytics or OpenCV) or .yml/.yaml/.xml (OpenCV)");
    }

    /** Writes the project's calibration JSON. */
    public static void writeProject(Calibration calibration, Path file) {
        ProjectCalibrationJson.write(calibration, file);
    }

    /** The project's calibration JSON as text, e.g. to keep with a stored result. */
    public static String projectJson(Calibration calibration) { return ProjectCalibrationJson.toJson(calibration); }

    /** Reads {@link #projectJson} text back; {@code where} names it in an error. */
    public static Calibration readProjectJson(String json, String where) { return ProjectCalibrationJson.read(json, where); }
}
