package org.poseanalytics.web.analysis;

import java.util.Locale;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.web.subject.InvolvedSide;

/**
 * Metric keys as a clinician reads them: "left_knee_flexion_3d_rom_mean" → "Left knee flexion ROM (3D), average
 * per repetition". The key itself stays in the CSV, where software reads it.
 */
public final class MetricNames {
    private MetricNames() {}

    public static String label(String name, Side side) {
        java.util.regex.Matcher point = POINT.matcher(name);
        if (point.matches()) return "Point " + point.group(1) + ": " + POINT_FIGURES.getOrDefault(point.group(2), point.group(2).replace('_', ' '));
        String n = name;
        String dim = "";
        if (n.contains("_3d")) { dim = " (3D)"; n = n.replace("_3d", ""); }
        String suffix = "";
        if (n.endsWith("_mean")) { suffix = ", average per repetition"; n = n.substring(0, n.length() - 5); }
        String words = n.replace('_', ' ').replace(" rom", " ROM").replace("rom ", "ROM ").replace(" index", " index");
        if (words.equals("rom")) words = "ROM";
        String base = (side == Side.NONE ? "" : side.id() + " ") + words + dim + suffix;
        return base.substring(0, 1).toUpperCase(Locale.ROOT) + base.substring(1);
    }

    /** A tracked point's figure (PointVelocity): point_<number>_<figure>. */
    private static final java.util.regex.Pattern POINT = java.util.regex.Pattern.compile("point_(\\d+)_(\\w+)");

    /** As coaches say them; the session-wide mean concentric velocity is the set's (the mean over its repetitions). */
    private static final java.util.Map<String, String> POINT_FIGURES = java.util.Map.of(
            "displacement", "vertical displacement",
            "mean_concentric_velocity", "mean concentric velocity per set",
            "peak_concentric_velocity", "peak concentric velocity",
            "mean_eccentric_velocity", "mean eccentric velocity",
            "velocity_loss", "velocity loss (first to last repetition)");

    /**
     * What a figure means where its name alone does not say it: symmetry, stated against the subject's involved side.
     * "" for figures whose label is their definition.
     */
    public static String definition(String name, InvolvedSide involvedSide) {
        boolean involved = involvedSide == InvolvedSide.LEFT || involvedSide == InvolvedSide.RIGHT;
        String dim = name.contains("_3d") ? " 3D world landmarks." : name.contains("symmetry") ? " 2D image plane." : "";
        if (POINT.matcher(name).matches()) {
            if (name.endsWith("_velocity_loss")) return "Loss of mean concentric velocity from the first to the last repetition: (first − last) ÷ first × 100 %.";
            if (name.endsWith("_mean_concentric_velocity")) return "Mean upward velocity of the tracked point over each repetition's concentric phase, averaged over the set.";
            return "";
        }
        if (name.contains("lsi") || name.contains("limb_symmetry")) {
            return "Limb symmetry index: involved side ÷ uninvolved side × 100 %; 100 % = symmetric"
                    + (involved ? "; involved side: " + involvedSide.code() + "." : ".") + dim;
        }
        if (name.contains("symmetry")) {
            return "Symmetry index: 100 × (left − right) ÷ mean of both sides; 0 % = symmetric, positive = left larger."
                    + (involved ? " The subject's involved side is the " + involvedSide.code() + "." : "")
                    + (name.startsWith("step_time") ? "" : dim);
        }
        return "";
    }
}
