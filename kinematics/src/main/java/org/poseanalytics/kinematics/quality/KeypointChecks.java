package org.poseanalytics.kinematics.quality;

import java.util.BitSet;
import org.poseanalytics.tracking.FilteredSeries;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * What can be said of each keypoint sample before any angle is computed from it, [landmark][sample]: not tracked,
 * left/right confused, outside the frame, hidden, interpolated, or NONE. An angle sample takes the first issue (in
 * {@link SampleIssue#CHECK_ORDER}) of the landmarks it depends on.
 */
public record KeypointChecks(SampleIssue[][] issues) {

    /**
     * Below this raw visibility the model barely saw the keypoint (occluded, or guessed). The filter chain's default
     * visibility gate uses the same value; a series gated lower, or not at all, is caught here.
     */
    public static final double MIN_VISIBILITY = 0.5;

    /** A keypoint further than this fraction of the frame's larger side outside the frame is out of it. */
    public static final double FRAME_MARGIN = 0.02;

    /**
     * Checks of a filtered series: its interpolated mask and its raw visibility (the chain keeps the model's
     * visibility, also where it filled the position in). A frame size of 0 means unknown: no frame check.
     */
    public static KeypointChecks of(FilteredSeries filtered, int frameWidth, int frameHeight) {
        return of(filtered.series(), filtered.interpolated(), filtered.sideConfused(), frameWidth, frameHeight);
    }

    /**
     * @param interpolated [landmark] samples filled in rather than measured, or null when not known
     * @param sideConfused [landmark] samples where left and right were confused, or null when not known
     */
    public static KeypointChecks of(KeypointSeries s, BitSet[] interpolated, BitSet[] sideConfused, int frameWidth, int frameHeight) {
        int k = s.skeleton().size(), n = s.length();
        boolean frameKnown = frameWidth > 0 && frameHeight > 0;
        double margin = FRAME_MARGIN * Math.max(frameWidth, frameHeight);
        SampleIssue[][] out = new SampleIssue[k][n];
        for (int l = 0; l < k; l++)
            for (int i = 0; i < n; i++) {
                boolean filled = interpolated != null && interpolated[l].get(i);
                double x = s.x().get(l, i), y = s.y().get(l, i);
                // Side-confused points are blanked by the filter chain: say why, not just "not tracked".
                if (sideConfused != null && sideConfused[l].get(i)) out[l][i] = SampleIssue.SIDE_CONFUSION;
                // The chain blanks points the model barely saw but keeps their visibility: with the rest of the body
                // there, such a gap is a hidden (occluded or out-of-view) keypoint, not a person who was not tracked.
                else if (s.isGap(l, i)) out[l][i] = s.visibility().get(l, i) < MIN_VISIBILITY && bodySeen(s, i) ? SampleIssue.HIDDEN : SampleIssue.NOT_TRACKED;
                else if (frameKnown && (x < -margin || y < -margin || x > frameWidth + margin || y > frameHeight + margin))
                    out[l][i] = SampleIssue.OUT_OF_FRAME;
                // A filled sample's raw visibility is the one that got it gated out: the filled value is not the
                // hidden guess but an interpolation over a short gap, reported as such.
                else if (!filled && s.visibility().get(l, i) < MIN_VISIBILITY) out[l][i] = SampleIssue.HIDDEN;
                else out[l][i] = filled ? SampleIssue.INTERPOLATED : SampleIssue.NONE;
            }
        return new KeypointChecks(out);
    }

    public SampleIssue at(int landmark, int sample) { return issues[landmark][sample]; }

    /** Whether any landmark of this sample was measured (the person was tracked in it). */
    public static boolean bodySeen(KeypointSeries s, int i) {
        for (int l = 0; l < s.skeleton().size(); l++) if (!s.isGap(l, i)) return true;
        return false;
    }
}
