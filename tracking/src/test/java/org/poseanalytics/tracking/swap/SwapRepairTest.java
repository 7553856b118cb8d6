package org.poseanalytics.tracking.swap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.tracking.FilteredSeries;
import org.poseanalytics.tracking.SeriesPipeline;
import org.poseanalytics.tracking.filter.FilterConfig;
import org.poseanalytics.tracking.series.KeypointSeries;
import org.poseanalytics.tracking.series.SeriesChannel;
import org.poseanalytics.tracking.testing.SyntheticWalker;

/**
 * Whole-limb swap repair against a walking figure whose true labels are known: the model's crossings are
 * injected into a noisy copy by exchanging left and right values, for every subset of a leg's (and an arm's)
 * points over a burst of frames.
 */
class SwapRepairTest {
    private static final Skeleton SK = SyntheticWalker.SK;
    private static final String[] LEG = {"hip", "knee", "ankle", "heel", "foot_index"};
    private static final String[] ARM = {"shoulder", "elbow", "wrist", "pinky", "index", "thumb"};
    /** 30° from a side view: hips 32 px apart, legs and arms crossing each other twice per stride. */
    private static final SyntheticWalker OBLIQUE = new SyntheticWalker(400, 150, 0.9, 25, 30);
    private static final int N = 240;
    /** Six frames (0.2 s) around the widest step, where a crossing is visible at all. */
    private static final int BURST_FROM = 55, BURST_TO = 61;

    @Test
    void everySubsetOfALegSwappedByTheModelIsRepairedWholeOrBlankedNeverMixed() {
        List<String> failures = new ArrayList<>();
        int whole = 0, partial = 0, blankedPairs = 0;
        for (int mask = 1; mask < 1 << LEG.length; mask++) {
            Outcome o = run(LEG, "legs", mask);
            failures.addAll(o.failures);
            if (mask == (1 << LEG.length) - 1) whole++; else partial++;
            blankedPairs += o.blankedPairs;
        }
        System.out.printf("[measured] leg swaps: %d whole + %d partial subsets over %d frames; pairs blanked as side-confused %d; failures %d%n",
                whole, partial, BURST_TO - BURST_FROM, blankedPairs, failures.size());
        assertThat(failures).isEmpty();
    }

    @Test
    void everySubsetOfAnArmSwappedByTheModelIsRepairedWholeOrBlankedNeverMixed() {
        List<String> failures = new ArrayList<>();
        for (int mask = 1; mask < 1 << ARM.length; mask++) failures.addAll(run(ARM, "arms", mask).failures);
        assertThat(failures).isEmpty();
    }

    @Test
    void aCleanWalkWithOverlappingLegsGetsNoRepairAndNoConfusion() {
        for (double azimuth : new double[]{0, 15, 30}) {
            for (long seed = 1; seed <= 3; seed++) {
                SyntheticWalker w = new SyntheticWalker(400, 150, 0.9, 25, azimuth);
                SwapRepair.Result r = new SwapRepair().repair(w.series(600, 30, 2, seed), "test");
                assertThat(r.repairs()).as("repairs at azimuth %s, seed %s", azimuth, seed).isEmpty();
                assertThat(count(r.sideConfused())).as("side-confused samples at azimuth %s, seed %s", azimuth, seed).isZero();
            }
        }
    }

    @Test
    void aPartlyCrossedLegIsMarkedSideConfusedAndStaysBlankAfterFiltering() {
        KeypointSeries clean = OBLIQUE.series(N, 30, 1.5, 7);
        KeypointSeries input = clean.copy("raw");
        for (int i = BURST_FROM; i < BURST_TO; i++) for (String p : new String[]{"knee", "ankle", "heel", "foot_index"}) swap(input, p, i);
        FilteredSeries f = SeriesPipeline.filter(input, FilterConfig.defaults());
        int lh = SK.indexOf("left_hip"), lk = SK.indexOf("left_knee"), rk = SK.indexOf("right_knee");
        int marked = 0;
        for (int i = BURST_FROM; i < BURST_TO; i++) {
            boolean hipMarked = f.isSideConfused(lh, i), kneeMarked = f.isSideConfused(lk, i) && f.isSideConfused(rk, i);
            assertThat(hipMarked || kneeMarked).as("frame %d: the crossed part or the rest of the leg is marked", i).isTrue();
            for (int l = 0; l < SK.size(); l++) {
                if (!f.isSideConfused(l, i)) continue;
                marked++;
                assertThat(f.isGap(l, i)).as("%s at %d is never measured", SK.name(l), i).isTrue();
                assertThat(f.isInterpolated(l, i)).isFalse();
            }
        }
        for (int i = 0; i < N; i++) {
            if (i >= BURST_FROM && i < BURST_TO) continue;
            for (int l = 0; l < SK.size(); l++) assertThat(f.isSideConfused(l, i)).as("%s at %d", SK.name(l), i).isFalse();
        }
        assertThat(f.isGap(lk, BURST_FROM - 3)).isFalse();
        System.out.printf("[measured] knee..foot crossed, hip not, for %d frames: %d point samples side-confused and blank, %d whole-leg repairs%n",
                BURST_TO - BURST_FROM, marked, f.swaps().size());
    }

    @Test
    void coco17LimbsAreHipKneeAnkleAndShoulderElbowWrist() {
        List<SwapRepair.Group> g = SwapRepair.groups(Skeleton.COCO_17);
        assertThat(g).extracting(SwapRepair.Group::name).containsExactly("legs", "arms");
        assertThat(g.get(0).lefts()).containsExactly(Skeleton.COCO_17.indexOf("left_hip"), Skeleton.COCO_17.indexOf("left_knee"),
                Skeleton.COCO_17.indexOf("left_ankle"));
        assertThat(g.get(1).lefts()).hasSize(3);
    }

    private record Outcome(List<String> failures, int blankedPairs) {}

    /** Injects a crossing of the masked points over the burst and checks the repaired series against the truth. */
    private static Outcome run(String[] limb, String group, int mask) {
        KeypointSeries clean = OBLIQUE.series(N, 30, 1.5, 100 + mask);
        KeypointSeries input = clean.copy("raw");
        List<String> crossed = new ArrayList<>();
        for (int j = 0; j < limb.length; j++) if ((mask & 1 << j) != 0) crossed.add(limb[j]);
        for (int i = BURST_FROM; i < BURST_TO; i++) for (String p : crossed) swap(input, p, i);
        SwapRepair.Result r = new SwapRepair().repair(input, "test");
        KeypointSeries out = r.series();
        boolean whole = crossed.size() == limb.length;
        String c = group + " " + crossed;
        List<String> failures = new ArrayList<>();
        int blanked = 0;
        for (int i = 0; i < N; i++) {
            boolean inBurst = i >= BURST_FROM && i < BURST_TO;
            int same = 0, exchanged = 0, blank = 0;
            for (String p : limb) {
                int l = SK.indexOf("left_" + p), rr = SK.indexOf("right_" + p);
                boolean isBlank = Double.isNaN(out.x().get(l, i)) && Double.isNaN(out.x().get(rr, i));
                if (isBlank != (r.sideConfused()[l].get(i) && r.sideConfused()[rr].get(i))) failures.add(c + ": frame " + i + " " + p + " blank but not marked, or marked but not blank");
                if (isBlank) { blank++; continue; }
                if (equal(out, input, l, l, i) && equal(out, input, rr, rr, i)) same++;
                else if (equal(out, input, l, rr, i) && equal(out, input, rr, l, i)) exchanged++;
                else failures.add(c + ": frame " + i + " " + p + " is neither the model's value nor its exchange");
                if (!(equal(out, clean, l, l, i) && equal(out, clean, rr, rr, i))) failures.add(c + ": frame " + i + " " + p + " is on the wrong side");
            }
            blanked += blank;
            if (same > 0 && exchanged > 0) failures.add(c + ": frame " + i + " limb partly exchanged (" + exchanged + " of " + (same + exchanged) + ")");
            if (!inBurst && blank > 0) failures.add(c + ": frame " + i + " outside the crossing marked side-confused");
            if (inBurst && whole && blank > 0) failures.add(c + ": frame " + i + " whole-limb crossing blanked instead of repaired");
            if (inBurst && !whole && blank == 0) failures.add(c + ": frame " + i + " partial crossing neither blanked nor marked");
        }
        List<Long> repaired = r.repairs().stream().filter(x -> x.group().equals(group)).map(SwapRepair.Repair::frame).toList();
        if (whole && !repaired.equals(List.of(55L, 56L, 57L, 58L, 59L, 60L))) failures.add(c + ": repaired frames " + repaired);
        if (r.repairs().stream().anyMatch(x -> !x.group().equals(group) || x.frame() < BURST_FROM || x.frame() >= BURST_TO)) {
            failures.add(c + ": repairs outside the crossing " + r.repairs());
        }
        return new Outcome(failures, blanked);
    }

    private static void swap(KeypointSeries s, String point, int i) {
        int l = SK.indexOf("left_" + point), r = SK.indexOf("right_" + point);
        for (SeriesChannel a : new SeriesChannel[]{s.x(), s.y(), s.z(), s.visibility()}) {
            float t = a.get(l, i);
            a.set(l, i, a.get(r, i));
            a.set(r, i, t);
        }
    }

    private static boolean equal(KeypointSeries a, KeypointSeries b, int la, int lb, int i) {
        return a.x().get(la, i) == b.x().get(lb, i) && a.y().get(la, i) == b.y().get(lb, i);
    }

    private static int count(java.util.BitSet[] m) {
        int n = 0;
        for (java.util.BitSet row : m) n += row.cardinality();
        return n;
    }
}
