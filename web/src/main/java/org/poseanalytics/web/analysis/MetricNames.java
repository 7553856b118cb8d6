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

    /**
     * What a figure means where its name alone does not say it: symmetry, stated against the subject's involved side.
     * "" for figures whose label is their definition.
     */
    public static String definition(String name, InvolvedSide involvedSide) {
        boolean involved = involvedSide == InvolvedSide.LEFT || involvedSide == InvolvedSide.RIGHT;
        String dim = name.contains("_3d") ? " 3D world landmarks." : name.contains("symmetry") ? " 2D image plane." : "";
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
