package org.poseanalytics.kinematics.gait;

import java.util.BitSet;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.quality.KeypointChecks;
import org.poseanalytics.kinematics.quality.SampleIssue;
import org.poseanalytics.kinematics.rating.QualityRule;
import org.poseanalytics.kinematics.rating.Rating;
import org.poseanalytics.kinematics.view.CameraView;
import org.poseanalytics.kinematics.view.ViewSummary;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * How well a foot was seen for its gait events: its heel and toe (the ankle for skeletons without them) measured,
 * inside the frame, not filled in, by {@link QualityRule}; and, without world landmarks, a side view, because events
 * are then read along the image's x axis.
 */
public final class FootQuality {
    private FootQuality() {}

    /**
     * @param interpolated [landmark] samples where the filter filled a short gap (null: none)
     * @param frameWidth   displayed frame size in pixels; 0 when unknown (no out-of-frame check)
     */
    public static Rating rate(KeypointSeries s, BitSet[] interpolated, int frameWidth, int frameHeight, Side side, ViewSummary view) {
        return rate(s, interpolated, frameWidth, frameHeight, side, view, true);
    }

    /** @param needsSideView whether the figure is read along the image's x axis without world landmarks (gait, not jumps) */
    public static Rating rate(KeypointSeries s, BitSet[] interpolated, int frameWidth, int frameHeight, Side side, ViewSummary view,
                              boolean needsSideView) {
        Rating rating = Rating.VALID;
        // Gait events timed on the world landmarks (not a side view): a foot whose 3D position was rejected as a jump
        // (the model's depth guess on a small or distant person) is not measured there, though seen.
        boolean world = needsSideView && GaitAnalyzer.worldTimed(s, view);
        boolean footPoints = s.skeleton().indexOf(side.prefix() + "heel") >= 0 && s.skeleton().indexOf(side.prefix() + "foot_index") >= 0;
        for (String point : footPoints ? new String[]{"heel", "foot_index"} : new String[]{"ankle"}) {
            int k = s.skeleton().indexOf(side.prefix() + point);
            if (k < 0) return Rating.invalid(side.name().toLowerCase() + " foot keypoints missing from this skeleton");
            SampleIssue[] issues = new SampleIssue[s.length()];
            for (int i = 0; i < issues.length; i++) issues[i] = issue(s, interpolated, frameWidth, frameHeight, k, i, world);
            Rating r = QualityRule.rate(issues, QualityRule.Context.NONE);
            if (!r.reason().isEmpty()) r = new Rating(r.quality(), side.prefix().replace('_', ' ') + point.replace("foot_index", "toe") + ": " + r.reason());
            rating = rating.worst(r);
        }
        if (!footPoints) rating = rating.worst(Rating.low("no heel or toe keypoints in this skeleton: the ankle stands in"));
        if (needsSideView && !s.hasWorld()) rating = rating.worst(view(view.dominant()));
        return rating;
    }

    private static SampleIssue issue(KeypointSeries s, BitSet[] interpolated, int w, int h, int k, int i, boolean world) {
        // Nobody in the frame is not a hidden foot: a camera started before the patient walked in is rated over the
        // time they are in view, as every whole-session figure is (QualityRule.presence).
        if (s.isGap(k, i)) return KeypointChecks.bodySeen(s, i) ? SampleIssue.HIDDEN : SampleIssue.NOT_TRACKED;
        double x = s.x().get(k, i), y = s.y().get(k, i);
        if (w > 0 && h > 0 && (x < 0 || y < 0 || x >= w || y >= h)) return SampleIssue.OUT_OF_FRAME;
        if (world && !Float.isFinite(s.worldX().get(k, i))) return SampleIssue.NO_DEPTH;
        if (interpolated != null && interpolated[k].get(i)) return SampleIssue.INTERPOLATED;
        return SampleIssue.NONE;
    }

    /** Without world landmarks the walking direction is the image's x axis: only a side view shows it. */
    private static Rating view(CameraView v) {
        if (v.sagittal()) return Rating.VALID;
        if (v.frontal()) return Rating.invalid("gait events need a side view; the camera saw " + QualityRule.viewWords(v));
        if (v == CameraView.OBLIQUE) return Rating.low("gait events from an oblique view (a side view is needed)");
        return Rating.low("the camera's view could not be told; gait events need a side view");
    }
}
