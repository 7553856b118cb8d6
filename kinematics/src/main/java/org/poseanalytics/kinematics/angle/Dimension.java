package org.poseanalytics.kinematics.angle;

/** Where an angle was measured: in the image plane (pixels) or from the model's world landmarks (metres). */
public enum Dimension {
    /** Image plane: exact only when the movement happens in a plane parallel to the image. */
    IMAGE_2D(""),
    /** World landmarks: independent of the viewing direction, as good as the model's depth estimate. */
    WORLD_3D("_3d");

    private final String suffix;

    Dimension(String suffix) { this.suffix = suffix; }

    /** Inserted before the unit in column names: left_knee_flexion_deg vs left_knee_flexion_3d_deg. */
    public String suffix() { return suffix; }
}
