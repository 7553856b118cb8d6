package org.poseanalytics.kinematics.angle;

/**
 * The plane an angle is measured in. A 2D (image-plane) angle is a measurement only when its plane faces the camera:
 * sagittal angles need a side view, frontal angles a front or back view.
 */
public enum AnatomicalPlane {
    SAGITTAL("sagittal-plane"), FRONTAL("frontal-plane");

    private final String adjective;

    AnatomicalPlane(String adjective) { this.adjective = adjective; }

    /** "sagittal-plane" / "frontal-plane", as reasons say it: "frontal-plane angle from a side view". */
    public String adjective() { return adjective; }
}
