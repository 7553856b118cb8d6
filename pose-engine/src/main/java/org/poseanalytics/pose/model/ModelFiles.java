package org.poseanalytics.pose.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds pretrained model files without the network. Looked up in order:
 * <ol>
 *   <li>the folder named by {@code -Dpose.models.dir} or {@code POSE_ANALYTICS_MODELS_DIR} (an override for
 *       deployments that keep weights outside the jar);</li>
 *   <li>the pose-engine jar, where the build packs the BlazePose files;</li>
 *   <li>the build's cache, {@code ~/.cache/pose-analytics/models/mediapipe-pose-VERSION} (or {@code PA_MODELS_CACHE}).</li>
 * </ol>
 */
public final class ModelFiles {
    /** The npm package the BlazePose weights come from (fetched by name, version and integrity at build time). */
    public static final String BLAZEPOSE_PACKAGE = "@mediapipe/pose";
    public static final String BLAZEPOSE_VERSION = "0.5.1675469404";
    private static final String RESOURCE_DIR = "/org/poseanalytics/pose/blazepose/models/";

    private ModelFiles() {}

    /** The bytes of a BlazePose model file, e.g. {@code pose_landmark_full.tflite}. */
    public static byte[] blazepose(String fileName) {
        try {
            Path override = overrideDir();
            if (override != null && Files.isRegularFile(override.resolve(fileName))) {
                return Files.readAllBytes(override.resolve(fileName));
            }
            try (InputStream in = ModelFiles.class.getResourceAsStream(RESOURCE_DIR + fileName)) {
                if (in != null) return in.readAllBytes();
            }
            Path cached = cacheDir().resolve(fileName);
            if (Files.isRegularFile(cached)) return Files.readAllBytes(cached);
        } catch (IOException e) {
            throw new ModelNotFoundException("cannot read model file " + fileName + ": " + e.getMessage(), e);
        }
        throw new ModelNotFoundException("the BlazePose model file " + fileName + " was found neither in "
                + (overrideDir() != null ? overrideDir() + ", " : "") + "the pose-engine jar nor " + cacheDir()
                + "; build pose-engine once with npm available (it fetches " + BLAZEPOSE_PACKAGE + "@" + BLAZEPOSE_VERSION
                + ") or point -Dpose.models.dir at a folder holding the .tflite files");
    }

    static Path overrideDir() {
        String dir = System.getProperty("pose.models.dir", System.getenv("POSE_ANALYTICS_MODELS_DIR"));
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    static Path cacheDir() {
        String root = System.getenv("PA_MODELS_CACHE");
        Path base = root != null && !root.isBlank() ? Path.of(root)
                : Path.of(System.getProperty("user.home"), ".cache", "pose-analytics", "models");
        return base.resolve("mediapipe-pose-" + BLAZEPOSE_VERSION);
    }
}
