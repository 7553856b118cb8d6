package org.poseanalytics.kinematics.repetition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.poseanalytics.kinematics.quality.SampleIssue;
import org.poseanalytics.kinematics.rating.QualityRule;
import org.poseanalytics.kinematics.rating.Rating;

/**
 * Finds repetitions in one angle signal with hysteresis on the session's own range, so the same code counts a
 * patient's 40° knee bends and an athlete's 120° squats, ignores noise and small wobbles, tolerates pauses at
 * rest or at the turning point, and reports a rep the video cut off as incomplete.
 *
 * <p>Steps: fill short gaps linearly; median-filter (5 samples) for detection only; normalise to the session
 * range (5th percentile to maximum, in the direction of the {@link Polarity}); a repetition enters when the
 * signal passes {@code enter} of the range and leaves when it falls back under {@code exit}; its start is the
 * last moment before that within {@code restBand} of the rest level, its end the first such moment after.
 *
 * <p>Only usable samples are measurements: invalid ones are removed before anything else and only bridged (linearly)
 * to find where a movement begins and ends. A repetition's peak, ROM, min and max come from its own usable samples,
 * so its ROM never exceeds their peak-to-trough range; a movement whose window is mostly invalid
 * ({@link QualityRule}) is not counted.
 */
public final class RepetitionDetector {

    /**
     * @param enter            fraction of the range a movement must pass to count as a repetition
     * @param exit             fraction it must fall back under to end one (hysteresis against noise)
     * @param restBand         fraction above the rest level still counted as rest (start and end)
     * @param completeFraction a returned rep with less than this fraction of the median rep ROM is partial
     * @param minRangeDeg      below this whole-session range nothing moved: no repetitions
     * @param holdBand         fraction of the range around the turning point counted as a hold
     */
    public record Config(double enter, double exit, double restBand, double completeFraction, double minRangeDeg, double holdBand) {
        public static Config defaults() { return new Config(0.4, 0.2, 0.08, 0.75, 10, 0.03); }
    }

    private final Config config;

    public RepetitionDetector(Config config) { this.config = config; }

    public RepetitionDetector() { this(Config.defaults()); }

    /**
     * What detection found: the counted repetitions (re-indexed from 1) and the movements not counted because their
     * samples were mostly invalid, with the reason of the first of them ("" when none was dropped).
     */
    public record Detection(List<Repetition> repetitions, int dropped, String droppedReason) {}

    /** A signal without per-sample ratings: NaN samples are "not tracked", every other one is taken as valid. */
    public List<Repetition> detect(long[] frames, double[] timesS, double[] signalDeg, Polarity polarity, boolean eccentricFirst, String signalName) {
        return detect(frames, timesS, signalDeg, null, QualityRule.Context.NONE, polarity, eccentricFirst, signalName).repetitions();
    }

    /**
     * @param issues         per sample, why it is not fully trusted (null: NaN = not tracked, else valid); invalid
     *                       samples never enter a repetition's values, and a movement whose samples are mostly invalid
     *                       is not counted
     * @param context        the signal's plane and the camera view, for the reasons
     * @param eccentricFirst true when moving away from rest lengthens the prime movers (squat: knee flexion rises
     *                       while the quadriceps lengthen); false when it shortens them (raising the arm)
     */
    public Detection detect(long[] frames, double[] timesS, double[] signalDeg, SampleIssue[] issues, QualityRule.Context context,
                            Polarity polarity, boolean eccentricFirst, String signalName) {
        if (frames.length != timesS.length || timesS.length != signalDeg.length)
            throw new IllegalArgumentException("frames, times and signal differ in length");
        SampleIssue[] rated = QualityRule.withGaps(signalDeg, issues);
        // Only usable samples are measurements; the gaps between them are bridged for finding the movement only.
        double[] measured = QualityRule.usable(signalDeg, rated);
        double[] filled = Signals.fillGaps(measured);
        if (filled == null) return new Detection(List.of(), 0, "");
        double sign = polarity == Polarity.RISES ? 1 : -1;
        double[] o = Signals.medianFilter(filled, 5);
        for (int i = 0; i < o.length; i++) o[i] *= sign;
        double lo = Signals.percentile(o, 5), hi = Arrays.stream(o).max().orElse(lo), range = hi - lo;
        if (range < config.minRangeDeg()) return new Detection(List.of(), 0, "");
        double[] n = new double[o.length];
        for (int i = 0; i < n.length; i++) n[i] = (o[i] - lo) / range;

        List<int[]> excursions = new ArrayList<>(); // {enterIndex, exitIndex or -1}
        int enterAt = -1;
        for (int i = 0; i < n.length; i++) {
            if (enterAt < 0 && n[i] > config.enter()) enterAt = i;
            else if (enterAt >= 0 && n[i] < config.exit()) { excursions.add(new int[]{enterAt, i}); enterAt = -1; }
        }
        if (enterAt >= 0) excursions.add(new int[]{enterAt, -1});

        List<int[]> windows = new ArrayList<>(); // {start, peak, end, returned, startedAtRest}
        int previousEnd = 0;
        for (int k = 0; k < excursions.size(); k++) {
            int[] e = excursions.get(k);
            int last = e[1] < 0 ? n.length - 1 : e[1];
            int peak = argMax(n, e[0], last);
            double restBefore = min(n, previousEnd, e[0]);
            int start = e[0];
            while (start > previousEnd && n[start] > restBefore + config.restBand()) start--;
            // The band keeps noise at rest out; the movement itself began where the signal stopped rising.
            while (start > previousEnd && n[start - 1] < n[start]) start--;
            int end = n.length - 1;
            if (e[1] >= 0) {
                int nextBoundary = k + 1 < excursions.size() ? excursions.get(k + 1)[0] : n.length - 1;
                double restAfter = min(n, peak, nextBoundary);
                end = peak;
                while (end < nextBoundary && n[end] > restAfter + config.restBand()) end++;
                while (end < nextBoundary && n[end + 1] < n[end]) end++;
            }
            boolean startedAtRest = n[start] <= config.exit();
            windows.add(new int[]{start, peak, end, e[1] >= 0 ? 1 : 0, startedAtRest ? 1 : 0});
            previousEnd = end;
        }

        // A movement seen mostly on invalid samples is not a repetition: it is neither counted nor measured.
        List<int[]> kept = new ArrayList<>();
        List<Rating> ratings = new ArrayList<>();
        int dropped = 0;
        String droppedReason = "";
        for (int[] w : windows) {
            Rating rating = QualityRule.rate(rated, w[0], w[2], context);
            int peak = measuredPeak(measured, sign, w[0], w[2]);
            if (!rating.usable() || peak < 0) {
                if (dropped++ == 0) droppedReason = peak < 0 ? "no measured sample" : rating.reason();
                continue;
            }
            w[1] = peak;
            kept.add(w);
            ratings.add(rating);
        }

        double[] returnedRoms = kept.stream().filter(w -> w[3] == 1 && w[4] == 1)
                .mapToDouble(w -> rom(measured, w[0], w[2])).sorted().toArray();
        double typicalRom = returnedRoms.length == 0 ? range : returnedRoms[returnedRoms.length / 2];

        List<Repetition> reps = new ArrayList<>();
        for (int k = 0; k < kept.size(); k++) {
            int[] w = kept.get(k);
            int start = w[0], peak = w[1], end = w[2];
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (int i = start; i <= end; i++) {
                if (!Double.isFinite(measured[i])) continue;
                min = Math.min(min, measured[i]);
                max = Math.max(max, measured[i]);
            }
            double rom = max - min;
            String note = w[4] == 0 ? "the video starts during the repetition"
                    : w[3] == 0 ? "the video ends before the return to rest"
                    : rom < config.completeFraction() * typicalRom
                    ? String.format("partial: ROM %.0f° is under %.0f%% of the session's typical %.0f°", rom, 100 * config.completeFraction(), typicalRom)
                    : "";
            // Hold: the stretch around the turning point within holdBand of it.
            int holdFrom = peak, holdTo = peak;
            while (holdFrom > start && n[holdFrom - 1] >= n[peak] - config.holdBand()) holdFrom--;
            while (holdTo < end && n[holdTo + 1] >= n[peak] - config.holdBand()) holdTo++;
            double away = timesS[holdFrom] - timesS[start], hold = timesS[holdTo] - timesS[holdFrom], back = timesS[end] - timesS[holdTo];
            reps.add(new Repetition(reps.size() + 1, timesS[start], timesS[peak], timesS[end], frames[start], frames[peak], frames[end],
                    rom, measured[peak], min, max, eccentricFirst ? away : back, hold, eccentricFirst ? back : away,
                    note.isEmpty(), note, signalName, ratings.get(k)));
        }
        return new Detection(reps, dropped, droppedReason);
    }

    /** The measured sample furthest in the repetition's direction, or -1 when none is measured. */
    private static int measuredPeak(double[] measured, double sign, int from, int to) {
        int best = -1;
        for (int i = from; i <= to; i++)
            if (Double.isFinite(measured[i]) && (best < 0 || sign * measured[i] > sign * measured[best])) best = i;
        return best;
    }

    /** Peak-to-trough of the measured samples (NaN skipped). */
    private static double rom(double[] v, int from, int to) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (int i = from; i <= to; i++) {
            if (!Double.isFinite(v[i])) continue;
            min = Math.min(min, v[i]);
            max = Math.max(max, v[i]);
        }
        return max - min;
    }

    private static int argMax(double[] v, int from, int to) {
        int best = from;
        for (int i = from; i <= to; i++) if (v[i] > v[best]) best = i;
        return best;
    }

    private static double min(double[] v, int from, int to) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = from; i <= to; i++) m = Math.min(m, v[i]);
        return m;
    }
}
