package org.poseanalytics.kinematics.rating;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.poseanalytics.kinematics.angle.AnatomicalPlane;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.quality.SampleIssue;
import org.poseanalytics.kinematics.view.CameraView;
import org.poseanalytics.kinematics.view.ViewSummary;

/**
 * The one rule that turns per-sample issues into a figure's quality (docs/ANGLES.md, "Metrics and their quality"):
 * over the samples a figure is computed from (a repetition, a swing phase, the whole session),
 * <ul>
 *   <li>at least {@value #VALID_SHARE} of them valid → {@code valid};</li>
 *   <li>else at least {@value #USABLE_SHARE} of them usable (valid or low) → {@code low}, the reason naming the most
 *       frequent issue and its share;</li>
 *   <li>else {@code invalid}, the reason naming the most frequent invalidating issue.</li>
 * </ul>
 * The figure itself is always computed from the usable samples only; invalid samples never enter a value.
 */
public final class QualityRule {
    public static final double VALID_SHARE = 0.8;
    public static final double USABLE_SHARE = 0.5;

    private QualityRule() {}

    /**
     * What the reasons may say about the measurement: the angle's plane (null for figures not tied to one) and the
     * camera's view, so an edge-on plane reads "frontal-plane angle from a side view".
     */
    public record Context(AnatomicalPlane plane, ViewSummary view, String[] keypoints) {
        public static final Context NONE = new Context(null, ViewSummary.unknown());

        public Context { if (view == null) view = ViewSummary.unknown(); }

        public Context(AnatomicalPlane plane, ViewSummary view) { this(plane, view, null); }

        /** The same context with the keypoint behind each sample's issue ({@link org.poseanalytics.kinematics.angle.AngleSeries#keypoints()}), so reasons can name it. */
        public Context withKeypoints(String[] perSample) { return new Context(plane, view, perSample); }
    }

    /** Rates samples {@code from..to} (inclusive) of one series. */
    public static Rating rate(SampleIssue[] issues, int from, int to, Context context) {
        int n = to - from + 1;
        if (n <= 0 || issues.length == 0) return Rating.invalid("no samples");
        int[] count = new int[SampleIssue.values().length];
        int valid = 0, usable = 0;
        for (int i = Math.max(0, from); i <= Math.min(issues.length - 1, to); i++) {
            SampleIssue issue = issues[i] == null ? SampleIssue.NONE : issues[i];
            count[issue.ordinal()]++;
            if (issue.quality() == Quality.VALID) valid++;
            if (issue.quality().usable()) usable++;
        }
        if (valid >= VALID_SHARE * n) return Rating.VALID;
        if (usable >= USABLE_SHARE * n) {
            SampleIssue most = dominant(count, false);
            return Rating.low(named(keypoint(issues, from, to, most, context), describe(most, share(count, most, n), context)));
        }
        SampleIssue worst = dominant(count, true);
        return Rating.invalid(named(keypoint(issues, from, to, worst, context), describe(worst, share(count, worst, n), context)));
    }

    /** The keypoint most often behind {@code issue} in the window, e.g. "left ankle"; null when none is known. */
    private static String keypoint(SampleIssue[] issues, int from, int to, SampleIssue issue, Context context) {
        if (context.keypoints() == null || issue == null || !issue.aboutKeypoint()) return null;
        Map<String, Integer> count = new HashMap<>();
        for (int i = Math.max(0, from); i <= Math.min(issues.length - 1, to); i++)
            if (issues[i] == issue && context.keypoints()[i] != null) count.merge(context.keypoints()[i], 1, Integer::sum);
        return count.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> e.getKey().replace('_', ' ')).orElse(null);
    }

    /** "keypoint hidden or out of view in 62 %…" with its keypoint becomes "left ankle hidden or out of view in 62 %…". */
    private static String named(String keypoint, String reason) {
        if (keypoint == null) return reason;
        return reason.startsWith("keypoint ") ? keypoint + reason.substring("keypoint".length()) : keypoint + ": " + reason;
    }

    /**
     * Rates a whole session's samples over the time the subject is in the video ({@link #presence}): a camera started
     * before the patient stepped into view, or stopped after they walked out, leaves frames without them at the ends,
     * and those are not missing measurements. Gaps between their first and last sighting still count.
     */
    public static Rating rate(SampleIssue[] issues, Context context) {
        int[] span = presence(issues);
        return rate(issues, span[0], span[1], context);
    }

    /**
     * The first and last sample in which the subject was tracked: the series without its leading and trailing
     * {@link SampleIssue#NOT_TRACKED} runs. The whole series when they were tracked nowhere (so its rating says so).
     */
    public static int[] presence(SampleIssue[] issues) {
        int first = 0, last = issues.length - 1;
        while (first <= last && issues[first] == SampleIssue.NOT_TRACKED) first++;
        while (last >= first && issues[last] == SampleIssue.NOT_TRACKED) last--;
        return first > last ? new int[] {0, issues.length - 1} : new int[] {first, last};
    }

    /**
     * Whether a 2D angle in this plane can be measured from this view: false only when the view is known and shows the
     * plane edge-on (a frontal-plane angle from a side view, a sagittal one from the front or back). Oblique and unknown
     * views are left to the per-sample ratings.
     */
    public static boolean facesCamera(AnatomicalPlane plane, CameraView view) {
        return switch (plane) {
            case SAGITTAL -> !view.frontal();
            case FRONTAL -> !view.sagittal();
        };
    }

    /** "a side view", "a front view", "a back view", "an oblique view", "an unknown view". */
    public static String viewWords(CameraView v) {
        return switch (v) {
            case SAGITTAL_LEFT, SAGITTAL_RIGHT -> "a side view";
            case FRONTAL_ANTERIOR -> "a front view";
            case FRONTAL_POSTERIOR -> "a back view";
            case OBLIQUE -> "an oblique view";
            case UNKNOWN -> "an unknown view";
        };
    }

    /** The issues of a series, with NaN samples that claim none marked as not tracked (a NaN is never a measurement). */
    public static SampleIssue[] withGaps(double[] values, SampleIssue[] issues) {
        SampleIssue[] out = new SampleIssue[values.length];
        for (int i = 0; i < values.length; i++) {
            SampleIssue given = issues == null || issues[i] == null ? SampleIssue.NONE : issues[i];
            out[i] = !Double.isFinite(values[i]) && given.quality().usable() ? SampleIssue.NOT_TRACKED : given;
        }
        return out;
    }

    /** The usable values: samples whose issue makes them invalid are NaN (they are not measurements). */
    public static double[] usable(double[] values, SampleIssue[] issues) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) if (issues[i] != null && !issues[i].quality().usable()) out[i] = Double.NaN;
        return out;
    }

    /** The most frequent issue other than NONE; only invalidating ones when {@code invalidOnly}. */
    private static SampleIssue dominant(int[] count, boolean invalidOnly) {
        SampleIssue best = null;
        for (SampleIssue i : SampleIssue.values()) {
            if (i == SampleIssue.NONE || (invalidOnly && i.quality().usable())) continue;
            if (best == null || count[i.ordinal()] > count[best.ordinal()]) best = i;
        }
        return best;
    }

    private static double share(int[] count, SampleIssue issue, int n) { return count[issue.ordinal()] / (double) n; }

    /** One line a clinician understands, e.g. "frontal-plane angle from a side view", "keypoint hidden in 60 % of the frames". */
    public static String describe(SampleIssue issue, double share, Context context) {
        String where = percent(share);
        return switch (issue) {
            case EDGE_ON_PLANE -> context.plane() == null ? issue.description() + " in " + where
                    : !facesCamera(context.plane(), context.view().dominant())
                    ? context.plane().adjective() + " angle from " + viewWords(context.view().dominant())
                    : offView(context);
            case OBLIQUE_VIEW -> context.plane() == null ? issue.description() + " in " + where
                    : "oblique view of the " + context.plane().adjective().replace("-plane", " plane") + " in " + where;
            case NOT_TRACKED -> "not tracked in " + where;
            default -> issue.description() + " in " + where;
        };
    }

    /**
     * An edge-on plane in a view that should face it: the person is turned away from it, e.g. "frontal-plane angle
     * with the camera 35° off a front or back view" (a squat filmed from the front with the person turned).
     */
    private static String offView(Context context) {
        boolean frontal = context.plane() == AnatomicalPlane.FRONTAL;
        double tilt = frontal ? context.view().frontalPlaneToImageDeg() : context.view().sagittalPlaneToImageDeg();
        String view = frontal ? "a front or back view" : "a side view";
        return Double.isFinite(tilt)
                ? String.format(Locale.ROOT, "%s angle with the camera %.0f° off %s", context.plane().adjective(), tilt, view)
                : context.plane().adjective() + " angle seen edge-on";
    }

    /** "60 % of the frames", "all frames". */
    public static String percent(double share) {
        long p = Math.round(100 * share);
        return p >= 100 ? "all frames" : String.format(Locale.ROOT, "%d %% of the frames", Math.max(1, p));
    }
}
