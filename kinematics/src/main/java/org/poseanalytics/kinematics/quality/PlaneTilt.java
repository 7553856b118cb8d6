package org.poseanalytics.kinematics.quality;

/**
 * How far a 2D (image-plane) angle can be trusted from the tilt between its plane and the image plane (0° = the
 * plane faces the camera): valid up to {@code validMaxDeg}, low up to {@code lowMaxDeg}, not a measurement beyond.
 * Each angle has its own (JointAngle#tiltLimits), derived from the synthetic views (docs/ANGLES.md, "What valid
 * means"): the largest tilt at which the 2D error over many postures stays within 10° (valid) and 20° (low) for
 * ideal keypoints. Frontal-plane leg angles need a nearly square view (the knee's and hip's flexion leaks into their
 * projection as soon as the camera turns); trunk lean tolerates a lot.
 */
public record PlaneTilt(double validMaxDeg, double lowMaxDeg) {

    public PlaneTilt {
        if (!(validMaxDeg >= 0 && lowMaxDeg >= validMaxDeg && lowMaxDeg <= 90))
            throw new IllegalArgumentException("need 0 <= valid <= low <= 90, got " + validMaxDeg + ", " + lowMaxDeg);
    }

    /** NONE within the valid tilt, OBLIQUE_VIEW up to the low one, EDGE_ON_PLANE beyond; OBLIQUE_VIEW when the tilt is unknown (NaN). */
    public SampleIssue issue(double tiltDeg) {
        if (!Double.isFinite(tiltDeg)) return SampleIssue.OBLIQUE_VIEW;
        if (tiltDeg <= validMaxDeg) return SampleIssue.NONE;
        return tiltDeg <= lowMaxDeg ? SampleIssue.OBLIQUE_VIEW : SampleIssue.EDGE_ON_PLANE;
    }
}
