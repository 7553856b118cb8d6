package org.poseanalytics.web.ui;

import java.util.Locale;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.scale.Scale;
import org.poseanalytics.kinematics.scale.ScaleSpec;

/**
 * How a scale reads on the analysis page, in the PDF and the exports, so all say the same: "Scale: line 1.20 m,
 * 0.0031 m/px" or "No scale: distances in pixels".
 */
public final class ScaleText {
    private ScaleText() {}

    /** One line naming the source, what it came from and metres per pixel; its quality when not valid. */
    public static String describe(Scale s) {
        if (s == null || !s.known()) return "No scale: distances in pixels";
        String from = switch (s.spec()) {
            case ScaleSpec.Line l -> "line " + metres(l.metres()) + " m";
            case ScaleSpec.SubjectHeight h -> "subject height " + metres(h.metres()) + " m";
            case ScaleSpec.None none -> s.source().id();
        };
        String quality = s.rating().quality() == Quality.VALID ? ""
                : " (" + FigureText.quality(s.rating().quality()) + ": " + s.rating().reason() + ")";
        return "Scale: " + from + ", " + String.format(Locale.ROOT, "%.4f m/px", s.metresPerPx()) + quality;
    }

    /** The source as a choice reads: "Scale line drawn on the video", "Subject's standing height", "None (pixels)". */
    public static String sourceLabel(Scale.Source source) {
        return switch (source) {
            case LINE -> "Scale line drawn on the video";
            case SUBJECT_HEIGHT -> "Subject's standing height";
            case NONE -> "None: distances in pixels";
        };
    }

    /** Metres with two decimals: "1.20". */
    public static String metres(double m) { return String.format(Locale.ROOT, "%.2f", m); }

    /** A library message as a sentence on a page: capital first letter, a full stop at the end. */
    public static String sentence(String s) {
        if (s == null || s.isBlank()) return "Not a valid scale.";
        String t = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return t.endsWith(".") ? t : t + ".";
    }
}
