package org.poseanalytics.pose.blazepose;

/** The three BlazePose landmark models: lite is fastest, heavy most accurate; full is the default. */
public enum BlazePoseVariant {
    LITE("blazepose-lite", "pose_landmark_lite.tflite"),
    FULL("blazepose-full", "pose_landmark_full.tflite"),
    HEAVY("blazepose-heavy", "pose_landmark_heavy.tflite");

    public static final String DETECTOR_FILE = "pose_detection.tflite";

    private final String modelName;
    private final String landmarkFile;

    BlazePoseVariant(String modelName, String landmarkFile) {
        this.modelName = modelName;
        this.landmarkFile = landmarkFile;
    }

    /** The name used on the command line and in outputs, e.g. {@code blazepose-full}. */
    public String modelName() { return modelName; }

    public String landmarkFile() { return landmarkFile; }

    public static BlazePoseVariant byName(String name) {
        for (BlazePoseVariant v : values()) if (v.modelName.equalsIgnoreCase(name)) return v;
        return null;
    }
}
