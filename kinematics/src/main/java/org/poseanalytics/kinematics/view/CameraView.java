package org.poseanalytics.kinematics.view;

import java.util.Locale;

/**
 * From where the camera sees the subject in one frame. Sagittal: the camera looks at the person's left or right
 * side; frontal: at their front (anterior) or back (posterior); oblique: in between; unknown: hips and shoulders not
 * seen.
 */
public enum CameraView {
    SAGITTAL_LEFT, SAGITTAL_RIGHT, FRONTAL_ANTERIOR, FRONTAL_POSTERIOR, OBLIQUE, UNKNOWN;

    /** "sagittal_left", ... as summary.json writes it. */
    public String id() { return name().toLowerCase(Locale.ROOT); }

    public boolean sagittal() { return this == SAGITTAL_LEFT || this == SAGITTAL_RIGHT; }

    public boolean frontal() { return this == FRONTAL_ANTERIOR || this == FRONTAL_POSTERIOR; }
}
