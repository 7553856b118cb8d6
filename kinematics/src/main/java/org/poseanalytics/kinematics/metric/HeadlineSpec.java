package org.poseanalytics.kinematics.metric;

import org.poseanalytics.kinematics.angle.JointAngle;
import org.poseanalytics.kinematics.angle.Side;

/**
 * One of an exercise template's lead figures before an analysis fills it in: its label, its definition (what and
 * which side; the resolution adds 2D or 3D and, for symmetry, the index used) and which figure it shows.
 */
public record HeadlineSpec(String label, String definition, Figure figure) {

    public HeadlineSpec {
        if (label == null || label.isBlank() || definition == null || definition.isBlank() || figure == null)
            throw new IllegalArgumentException("a headline needs a label, a definition and a figure");
    }

    /** What a headline shows. */
    public sealed interface Figure permits Named, OfAngle, SymmetryOf {}

    /** A figure not tied to an angle's plane (counts, tempo, gait timing, jump height), by name and side. */
    public record Named(String name, Side side) implements Figure {}

    /**
     * An angle figure named {@code <angle><dimension>_<what>} (e.g. knee_flexion_3d_peak_mean) on one side, or both
     * sides combined ({@link Combine}) for a midline headline of a sided angle.
     */
    public record OfAngle(JointAngle angle, String what, Side side, Variants variants, Combine combine) implements Figure {}

    /**
     * Left against right of a figure: the limb symmetry index against the involved side when it is known, else
     * Robinson's symmetry index. {@code angle} null: {@code what} is the whole metric name (e.g. "step_time").
     */
    public record SymmetryOf(JointAngle angle, String what) implements Figure {}

    /** Which measurements of an angle may stand for the headline. */
    public enum Variants {
        /** 2D when the camera faces the angle's plane (more accurate than a single camera's depth), else 3D. */
        VIEW_DEPENDENT,
        /** 2D only, and only when the camera faces the plane (the knee's frontal-plane projection angle is defined
         * on the image of a front view). */
        IMAGE_ONLY
    }

    /** How a midline headline of a sided angle uses the two sides. */
    public enum Combine { NONE, MEAN_OF_SIDES, MAX_OF_SIDES }

    public static HeadlineSpec named(String label, String definition, String name) {
        return new HeadlineSpec(label, definition, new Named(name, Side.NONE));
    }

    public static HeadlineSpec named(String label, String definition, String name, Side side) {
        return new HeadlineSpec(label, definition, new Named(name, side));
    }

    public static HeadlineSpec angle(String label, String definition, JointAngle angle, String what, Side side) {
        return new HeadlineSpec(label, definition, new OfAngle(angle, what, side, Variants.VIEW_DEPENDENT, Combine.NONE));
    }

    public static HeadlineSpec bothSides(String label, String definition, JointAngle angle, String what, Combine combine) {
        return new HeadlineSpec(label, definition, new OfAngle(angle, what, Side.NONE, Variants.VIEW_DEPENDENT, combine));
    }

    public static HeadlineSpec imageOnly(String label, String definition, JointAngle angle, String what, Side side, Combine combine) {
        return new HeadlineSpec(label, definition, new OfAngle(angle, what, side, Variants.IMAGE_ONLY, combine));
    }

    public static HeadlineSpec symmetry(String label, String definition, JointAngle angle, String what) {
        return new HeadlineSpec(label, definition, new SymmetryOf(angle, what));
    }
}
