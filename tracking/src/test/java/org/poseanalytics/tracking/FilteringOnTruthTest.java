package org.poseanalytics.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.poseanalytics.pose.Keypoint;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.blazepose.OneEuroFilter;
import org.poseanalytics.tracking.filter.FilterConfig;
import org.poseanalytics.tracking.filter.FilterPreset;
import org.poseanalytics.tracking.series.KeypointSeries;
import org.poseanalytics.tracking.series.SeriesChannel;
import org.poseanalytics.tracking.series.SeriesBuilder;
import org.poseanalytics.tracking.testing.SyntheticPerson;

/** The offline chain against a squat whose knee angle is known exactly. */
class FilteringOnTruthTest {
    private static final SyntheticPerson P = new SyntheticPerson(640, 650, 450, 0, 95, 0.4, 0);
    private static final int LK = SyntheticPerson.SK.indexOf("left_knee"), LH = SyntheticPerson.SK.indexOf("left_hip"),
            LA = SyntheticPerson.SK.indexOf("left_ankle"), RK = SyntheticPerson.SK.indexOf("right_knee");

    record Case(KeypointSeries raw, List<Integer> swappedFrames, List<Integer> droppedFrames) {}

    /** 8 s at a variable frame rate, 2 px noise, dropouts, spikes and left/right leg swaps. */
    static Case noisySquat(long seed) { return noisySquat(seed, 2); }

    static Case noisySquat(long seed, double noisePx) {
        Random rnd = new Random(seed);
        List<Double> times = new ArrayList<>();
        double t = 0;
        while (t < 8) { times.add(t); t += (rnd.nextDouble() < 0.15 ? 2 : 1) / 30.0; }
        int n = times.size();
        long[] frames = new long[n];
        double[] ts = new double[n];
        List<PersonPose> poses = new ArrayList<>();
        List<Integer> swapped = new ArrayList<>();
        List<Integer> dropped = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            frames[i] = i;
            ts[i] = times.get(i);
            PersonPose p = P.pose(ts[i], noisePx, 0.9, rnd);
            List<Keypoint> k = new ArrayList<>(p.keypoints());
            if (i % 23 == 7) { // the model swaps the legs (whole, hip to toe) for one to three frames
                for (int j = 0; j <= i % 3 && i + j < n; j++) swapped.add(i + j);
            }
            if (swapped.contains(i)) {
                for (String s : new String[]{"hip", "knee", "ankle", "heel", "foot_index"}) { // a whole leg
                    int l = SyntheticPerson.SK.indexOf("left_" + s), r = SyntheticPerson.SK.indexOf("right_" + s);
                    Keypoint tmp = k.get(l); k.set(l, k.get(r)); k.set(r, tmp);
                }
            }
            if (i % 31 == 11) { // knee hidden: low visibility with a wrong position
                dropped.add(i);
                Keypoint q = k.get(LK);
                k.set(LK, new Keypoint(q.x() + 60, q.y() - 40, 0, 0.1, 0.2));
            }
            if (i % 41 == 19) { Keypoint q = k.get(LK); k.set(LK, new Keypoint(q.x() + 35, q.y(), 0, 0.9, 0.9)); }
            poses.add(new PersonPose(p.skeleton(), k, List.of(), p.box(), p.score()));
        }
        return new Case(SeriesBuilder.fromPoses(SyntheticPerson.SK, frames, ts, poses), swapped, dropped);
    }

    static double[] knee(KeypointSeries s, int hip, int knee, int ankle) {
        double[] a = new double[s.length()];
        for (int i = 0; i < a.length; i++) {
            a[i] = SyntheticPerson.kneeFlexion(s.x().get(hip, i), s.y().get(hip, i), s.x().get(knee, i), s.y().get(knee, i), s.x().get(ankle, i), s.y().get(ankle, i));
        }
        return a;
    }

    static double range(double[] a) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : a) if (Double.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        return hi - lo;
    }

    @Test
    void smoothsJitterKeepsRangeOfMotionAndRepairsEverySwap() {
        Case c = noisySquat(21);
        FilteredSeries f = SeriesPipeline.filter(c.raw(), FilterPreset.STRENGTH.config());
        KeypointSeries s = f.series();
        double[] t = s.timesS();
        double truthRom = range(java.util.Arrays.stream(t).map(P::kneeFlexionDeg).toArray());
        double rom = range(knee(s, LH, LK, LA));
        double accRaw = SyntheticPerson.meanSquaredAcceleration(t, c.raw().y().row(RK));
        double accFiltered = SyntheticPerson.meanSquaredAcceleration(t, s.y().row(RK));
        double maxErr = 0;
        for (int i = 0; i < s.length(); i++) {
            double[][] truth = P.truth(t[i]);
            maxErr = Math.max(maxErr, Math.hypot(s.x().get(LK, i) - truth[LK][0], s.y().get(LK, i) - truth[LK][1]));
        }
        long legRepairs = f.swaps().stream().filter(r -> r.group().equals("legs")).count();
        System.out.printf("[measured] squat on truth: %d samples (variable rate), ROM truth %.2f deg, filtered %.2f deg (%.2f%%); "
                        + "right-knee y mean squared acceleration raw %.0f -> filtered %.0f (px/s^2)^2 (x%.1f less); "
                        + "injected leg swaps %d, repaired %d; left knee max error %.2f px; label %s%n",
                s.length(), truthRom, rom, 100 * (rom - truthRom) / truthRom, accRaw, accFiltered, accRaw / accFiltered,
                c.swappedFrames().size(), legRepairs, maxErr, s.filter());
        // 2 px noise on 110 px limb segments is ~1.5 deg of angle noise: its extremes widen the range a little.
        assertThat(Math.abs(rom - truthRom) / truthRom).as("ROM within 4%% at 2 px noise").isLessThan(0.04);
        Case quiet = noisySquat(21, 1);
        double romQuiet = range(knee(SeriesPipeline.filter(quiet.raw(), FilterPreset.STRENGTH.config()).series(), LH, LK, LA));
        System.out.printf("[measured] squat on truth, 1 px noise: ROM truth %.2f deg, filtered %.2f deg (%.2f%%)%n",
                truthRom, romQuiet, 100 * (romQuiet - truthRom) / truthRom);
        assertThat(Math.abs(romQuiet - truthRom) / truthRom).as("ROM within 2%% at 1 px noise").isLessThan(0.02);
        assertThat(accFiltered).isLessThan(accRaw / 10);
        List<Long> repairedFrames = f.swaps().stream().filter(r -> r.group().equals("legs")).map(r -> r.frame()).toList();
        assertThat(repairedFrames).containsExactlyInAnyOrderElementsOf(c.swappedFrames().stream().map(Integer::longValue).toList());
        assertThat(maxErr).as("no swap, spike or dropout leaks through").isLessThan(6);
        assertThat(s.filter()).isEqualTo("swap-repair+hampel+butterworth-4-4hz");
        for (int d : c.droppedFrames()) assertThat(f.isInterpolated(LK, d)).as("hidden knee at %d is interpolated", d).isTrue();
    }

    @Test
    void withoutSwapRepairTheSwappedSamplesAreThrownAwayAsOutliers() {
        Case c = noisySquat(21);
        FilteredSeries without = SeriesPipeline.filter(c.raw(), FilterConfig.defaults().withRepairSwaps(false));
        FilteredSeries with = SeriesPipeline.filter(c.raw(), FilterConfig.defaults());
        long lostWithout = c.swappedFrames().stream().filter(i -> without.isOutlier(LK, i)).count();
        long lostWith = c.swappedFrames().stream().filter(i -> with.isOutlier(LK, i)).count();
        assertThat(lostWithout).isGreaterThan(c.swappedFrames().size() / 2);
        assertThat(lostWith).isLessThan(lostWithout / 4);
        assertThat(without.series().filter()).isEqualTo("hampel+butterworth-4-6hz");
    }

    @Test
    void theZeroPhaseFilterDoesNotBluntTheRangeOfMotion() {
        int n = 240;
        long[] frames = new long[n];
        double[] t = new double[n];
        List<PersonPose> poses = new ArrayList<>();
        for (int i = 0; i < n; i++) { frames[i] = i; t[i] = i / 30.0; poses.add(P.pose(t[i], 0, 0.9, new Random(1))); }
        for (double hz : new double[]{3, 6}) {
            KeypointSeries s = SeriesPipeline.filter(SeriesBuilder.fromPoses(SyntheticPerson.SK, frames, t, poses),
                    FilterConfig.defaults().withCutoffHz(hz)).series();
            double truth = range(java.util.Arrays.stream(t).map(P::kneeFlexionDeg).toArray());
            double rom = range(knee(s, LH, LK, LA));
            System.out.printf("[measured] noise-free squat, %s Hz: ROM truth %.3f deg, filtered %.3f deg (%.3f%%)%n", hz, truth, rom, 100 * (rom - truth) / truth);
            assertThat(Math.abs(rom - truth) / truth).isLessThan(0.005);
        }
    }

    @Test
    void aCleanSeriesGetsNoRepairs() {
        Random rnd = new Random(4);
        int n = 200;
        long[] frames = new long[n];
        double[] t = new double[n];
        List<PersonPose> poses = new ArrayList<>();
        for (int i = 0; i < n; i++) { frames[i] = i; t[i] = i / 30.0; poses.add(P.pose(t[i], 2, 0.9, rnd)); }
        FilteredSeries f = SeriesPipeline.filter(SeriesBuilder.fromPoses(SyntheticPerson.SK, frames, t, poses), FilterConfig.defaults());
        assertThat(f.swaps()).isEmpty();
    }

    @Test
    void longGapsStayGapsAndAreReported() {
        Random rnd = new Random(4);
        int n = 200;
        long[] frames = new long[n];
        double[] t = new double[n];
        List<PersonPose> poses = new ArrayList<>();
        for (int i = 0; i < n; i++) { frames[i] = i; t[i] = i / 30.0; poses.add(P.pose(t[i], 2, 0.9, rnd)); }
        KeypointSeries raw = SeriesBuilder.fromPoses(SyntheticPerson.SK, frames, t, poses);
        for (int i = 100; i < 130; i++) raw.visibility().set(LK, i, 0); // about a second hidden
        FilteredSeries f = SeriesPipeline.filter(raw, FilterConfig.defaults());
        assertThat(f.isGap(LK, 115)).isTrue();
        var kneeGaps = f.longGaps().stream().filter(g -> g.landmark().equals("left_knee")).toList();
        assertThat(kneeGaps).as("all long gaps: %s", f.longGaps()).anySatisfy(g -> {
            assertThat(g.startFrame()).isLessThanOrEqualTo(100);
            assertThat(g.endFrame()).isGreaterThanOrEqualTo(129);
        });
        assertThat(f.isGap(LK, 90)).isFalse();
    }

    /** The live One Euro smoothing (the BlazePose tracker's) is causal: it blunts peaks, so offline numbers use zero-phase. */
    @Test
    void oneEuroBluntsPeaksMoreThanTheZeroPhaseChain() {
        Case c = noisySquat(8);
        KeypointSeries clean = SeriesPipeline.filter(c.raw(), FilterConfig.defaults()).series();
        KeypointSeries live = oneEuro(SeriesPipeline.filter(c.raw(), FilterConfig.defaults()).series(), 0.3, 0.001, 1.0);
        assertThat(range(knee(live, LH, LK, LA))).isLessThan(range(knee(clean, LH, LK, LA)));
    }

    /** Every image coordinate through its own One Euro filter, restarted after a gap (NaN), derivative in px/s. */
    private static KeypointSeries oneEuro(KeypointSeries in, double minCutoffHz, double beta, double derivativeCutoffHz) {
        KeypointSeries s = in.copy("one-euro");
        double[] t = s.timesS();
        for (SeriesChannel channel : new SeriesChannel[]{s.x(), s.y()}) {
            for (int l = 0; l < channel.landmarks(); l++) {
                double[] row = channel.row(l);
                OneEuroFilter f = null;
                for (int i = 0; i < row.length; i++) {
                    if (!Double.isFinite(row[i])) { f = null; continue; }
                    if (f == null) f = new OneEuroFilter(minCutoffHz, beta, derivativeCutoffHz);
                    row[i] = f.apply(row[i], t[i], 1);
                }
                channel.setRow(l, row);
            }
        }
        return s;
    }
}
