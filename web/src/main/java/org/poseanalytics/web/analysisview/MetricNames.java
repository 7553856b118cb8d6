package org.poseanalytics.web.analysisview;

import java.util.Locale;
import org.poseanalytics.web.analysis.BodySide;

/**
 * Metric keys as a clinician reads them: "left_knee_flexion_3d_rom_mean" → "Left knee flexion ROM (3D), average
 * per repetition". The key itself stays in the CSV, where software reads it.
 */
public final class MetricNames {
    private MetricNames() {}

    public static String label(String name, BodySide side) {
        String n = name;
        String dim = "";
        if (n.contains("_3d")) { dim = " (3D)"; n = n.replace("_3d", ""); }
        String suffix = "";
        if (n.endsWith("_mean")) { suffix = ", average per repetition"; n = n.substring(0, n.length() - 5); }
        String words = n.replace('_', ' ').replace(" rom", " ROM").replace("rom ", "ROM ").replace(" index", " index");
        if (words.equals("rom")) words = "ROM";
        String base = (side == BodySide.NONE ? "" : side.code() + " ") + words + dim + suffix;
        return base.substring(0, 1).toUpperCase(Locale.ROOT) + base.substring(1);
    }
}
