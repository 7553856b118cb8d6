package org.poseanalytics.kinematics.quality;

/**
 * How far a 2D (image-plane) angle can be trusted from the tilt between its anatomical plane and the image plane
 * (0° = the plane faces the camera). Thresholds from the synthetic views (docs/ANGLES.md, "What valid means"):
 * within {@value #VALID_MAX_DEG}° the projection error of the sagittal and frontal angles we measure stays under
 * ~8° for ideal keypoints; up to {@value #LOW_MAX_DEG}° it reaches ~20° (low); beyond, it grows past 20° and, near
 * 90°, the projection shows another plane's motion (a frontal-plane angle from a side view is the knee's flexion).
 */
public final class PlaneTilt {
    private PlaneTilt() {}

    /** A plane tilted at most this much to the image gives valid 2D angles. */
    public static final double VALID_MAX_DEG = 30;

    /** Beyond this tilt a 2D angle of the plane is not a measurement. */
    public static final double LOW_MAX_DEG = 45;

    /** NONE within {@link #VALID_MAX_DEG}, OBLIQUE_VIEW up to {@link #LOW_MAX_DEG}, EDGE_ON_PLANE beyond; OBLIQUE_VIEW when the tilt is unknown (NaN). */
    public static SampleIssue issue(double tiltDeg) {
        if (!Double.isFinite(tiltDeg)) return SampleIssue.OBLIQUE_VIEW;
        if (tiltDeg <= VALID_MAX_DEG) return SampleIssue.NONE;
        return tiltDeg <= LOW_MAX_DEG ? SampleIssue.OBLIQUE_VIEW : SampleIssue.EDGE_ON_PLANE;
    }
}
