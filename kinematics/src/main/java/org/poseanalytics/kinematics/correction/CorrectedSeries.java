package org.poseanalytics.kinematics.correction;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import org.poseanalytics.tracking.FilteredSeries;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * The model's series with a clinician's corrections laid over it; the model's series itself is not changed.
 *
 * <p>A correction moves its keypoint by an offset (corrected position minus the model's) on its frame; the offset fades
 * linearly to nothing over its window ({@code w} frames either side: weight {@code 1 - d / (w + 1)} at {@code d} frames
 * away), so the corrected path joins the model's again without a jump. Between two corrections of the same keypoint
 * whose windows meet, the offset goes linearly from one to the other, as keyframes do in a video editor. Where the model
 * had no value on the corrected frame the position is taken as it is on that frame only. "Not visible" makes the keypoint
 * a gap on its frame and its whole window (a hidden joint is hidden for a while, and a gap is never blended).
 *
 * @param series    the corrected series (its filter label ends in "+corrected")
 * @param corrected [landmark][sample] true where a correction changed the value (moved it or made it a gap)
 */
public record CorrectedSeries(FilteredSeries series, boolean[][] corrected) {

    /** Samples changed by at least one correction. */
    public int correctedSamples() {
        int n = 0;
        for (int s = 0; s < series.series().length(); s++) {
            for (boolean[] row : corrected) if (row[s]) { n++; break; }
        }
        return n;
    }

    public static CorrectedSeries apply(FilteredSeries model, List<KeypointCorrection> corrections) {
        KeypointSeries in = model.series();
        int k = in.skeleton().size(), n = in.length();
        KeypointSeries out = in.copy(corrections.isEmpty() ? in.filter() : in.filter() + "+corrected");
        boolean[][] changed = new boolean[k][n];
        BitSet[] interpolated = FilteredSeries.copy(model.interpolated()), outliers = FilteredSeries.copy(model.outliers()),
                sideConfused = FilteredSeries.copy(model.sideConfused());
        for (KeypointCorrection c : corrections) {
            if (c.landmark() >= k) throw new IllegalArgumentException("landmark " + c.landmark() + " is not in the " + in.skeleton() + " skeleton");
            if (in.indexOfFrame(c.frame()) < 0) throw new IllegalArgumentException("frame " + c.frame() + " is not among the analysed frames");
        }
        for (int l = 0; l < k; l++) {
            final int landmark = l;
            List<Key> keys = new ArrayList<>();
            for (KeypointCorrection c : corrections) {
                if (c.landmark() != landmark) continue;
                int s = in.indexOfFrame(c.frame());
                boolean modelGap = in.isGap(landmark, s);
                keys.add(new Key(c, s, c.notVisible() || modelGap ? Double.NaN : c.x() - in.x().get(landmark, s),
                        c.notVisible() || modelGap ? Double.NaN : c.y() - in.y().get(landmark, s)));
            }
            if (keys.isEmpty()) continue;
            keys.sort(Comparator.comparingLong(key -> key.c.frame()));
            for (int s = 0; s < n; s++) {
                if (in.isGap(landmark, s)) continue;
                double[] offset = offset(keys, in.frames()[s]);
                if (offset == null) continue;
                out.x().add(landmark, s, offset[0]);
                out.y().add(landmark, s, offset[1]);
                // Blended toward what the clinician saw: as sure as the weight says, the model's visibility otherwise.
                out.visibility().add(landmark, s, offset[2] * (1 - out.visibility().get(landmark, s)));
                blankWorld(out, landmark, s);
                changed[landmark][s] = true;
                interpolated[landmark].clear(s);
                outliers[landmark].clear(s);
            }
            for (Key key : keys) {
                KeypointCorrection c = key.c;
                if (c.notVisible()) {
                    for (int s = 0; s < n; s++) {
                        if (Math.abs(in.frames()[s] - c.frame()) > c.windowFrames()) continue;
                        out.x().set(landmark, s, Float.NaN);
                        out.y().set(landmark, s, Float.NaN);
                        out.visibility().set(landmark, s, 0);
                        blankWorld(out, landmark, s);
                        changed[landmark][s] = true;
                    }
                } else if (Double.isNaN(key.dx)) {
                    // The model had nothing here: the clinician's position on this frame alone.
                    out.x().set(landmark, key.sample, (float) c.x());
                    out.y().set(landmark, key.sample, (float) c.y());
                    out.visibility().set(landmark, key.sample, 1);
                    changed[landmark][key.sample] = true;
                    sideConfused[landmark].clear(key.sample);
                }
            }
        }
        return new CorrectedSeries(new FilteredSeries(out, interpolated, outliers, sideConfused, model.longGaps(), model.swaps(),
                model.cutoffHz()), changed);
    }

    /** A moved or hidden point's 3D is unknown: the model's world landmark no longer matches it. */
    private static void blankWorld(KeypointSeries s, int landmark, int sample) {
        if (!s.hasWorld()) return;
        s.worldX().set(landmark, sample, Float.NaN);
        s.worldY().set(landmark, sample, Float.NaN);
        s.worldZ().set(landmark, sample, Float.NaN);
    }

    /** [dx, dy, weight] at {@code frame}, or null where no moving correction reaches. */
    private static double[] offset(List<Key> keys, long frame) {
        Key before = null, after = null;
        for (Key key : keys) {
            if (Double.isNaN(key.dx)) continue;
            if (key.c.frame() <= frame) before = key;
            if (key.c.frame() >= frame && after == null) after = key;
        }
        if (before != null && after != null && before != after
                && after.c.frame() - before.c.frame() <= before.c.windowFrames() + after.c.windowFrames() + 1) {
            double f = (frame - before.c.frame()) / (double) (after.c.frame() - before.c.frame());
            return new double[] {before.dx + f * (after.dx - before.dx), before.dy + f * (after.dy - before.dy), 1};
        }
        Key best = null;
        double bestWeight = 0;
        for (Key key : new Key[] {before, after}) {
            if (key == null) continue;
            long d = Math.abs(frame - key.c.frame());
            double w = d > key.c.windowFrames() ? 0 : 1 - d / (key.c.windowFrames() + 1.0);
            if (w > bestWeight) { best = key; bestWeight = w; }
        }
        return best == null ? null : new double[] {best.dx * bestWeight, best.dy * bestWeight, bestWeight};
    }

    private record Key(KeypointCorrection c, int sample, double dx, double dy) {}
}
