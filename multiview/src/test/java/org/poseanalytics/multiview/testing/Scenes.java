package org.poseanalytics.multiview.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.poseanalytics.multiview.MultiViewStage;
import org.poseanalytics.multiview.calibration.Calibration;
import org.poseanalytics.multiview.calibration.Camera;
import org.poseanalytics.multiview.triangulation.PersonMatcher;
import org.poseanalytics.tracking.series.KeypointSeries;

/** Filming a synthetic body with calibrated cameras: 2D keypoint series per view, with noise, dropouts and clock offsets. */
public final class Scenes {
    private Scenes() {}

    /**
     * @param noisePx      Gaussian pixel noise (standard deviation per axis)
     * @param dropout      share of 2D keypoints missing at random per view
     * @param startS       per view the moment (on the true clock) its video starts; its own timestamps start at 0
     */
    public record Filming(double fps, double durationS, double noisePx, double dropout, double[] startS, long seed) {
        public static Filming clean(int views) { return new Filming(30, 6, 0, 0, new double[views], 1); }

        public Filming withNoise(double px) { return new Filming(fps, durationS, px, dropout, startS, seed); }

        public Filming withDropout(double d) { return new Filming(fps, durationS, noisePx, d, startS, seed); }

        public Filming withStarts(double[] s) { return new Filming(fps, durationS, noisePx, dropout, s, seed); }
    }

    /** One view's 2D series of the body, on that view's own clock. */
    public static KeypointSeries film(SquattingBody body, Camera cam, Filming f, int view) { return film(body, cam, f, view, 0); }

    public static KeypointSeries film(SquattingBody body, Camera cam, Filming f, int view, int person) {
        Random rnd = new Random(f.seed() * 31 + view * 7L + person);
        int n = (int) Math.round(f.durationS() * f.fps());
        long[] frames = new long[n];
        double[] times = new double[n];
        for (int i = 0; i < n; i++) { frames[i] = i; times[i] = i / f.fps(); }
        KeypointSeries s = KeypointSeries.empty(SquattingBody.SK, frames, times, false, "raw");
        for (int i = 0; i < n; i++) {
            double[][] p = body.at(f.startS()[view] + times[i]);
            for (int l = 0; l < p.length; l++) {
                if (rnd.nextDouble() < f.dropout()) { rnd.nextGaussian(); rnd.nextGaussian(); continue; }
                double[] px = cam.project(p[l]);
                double u = px[0] + f.noisePx() * rnd.nextGaussian(), v = px[1] + f.noisePx() * rnd.nextGaussian();
                if (u < 0 || v < 0 || u > cam.width() - 1 || v > cam.height() - 1) continue;
                // float32, as a pose model gives it
                s.x().set(l, i, (float) u);
                s.y().set(l, i, (float) v);
                s.z().set(l, i, 0);
                s.visibility().set(l, i, 0.95f);
            }
        }
        return s;
    }

    /** One view per camera, each with the given people (track ids 1, 2, ...; the first person is the subject). */
    public static List<MultiViewStage.View> views(Calibration cal, Filming f, SquattingBody... people) {
        List<MultiViewStage.View> views = new ArrayList<>();
        for (int v = 0; v < cal.size(); v++) {
            List<PersonMatcher.Candidate> cands = new ArrayList<>();
            for (int p = 0; p < people.length; p++) cands.add(new PersonMatcher.Candidate(p + 1, film(people[p], cal.camera(v), f, v, p)));
            // Present them in a different order per view, so the match cannot rely on it.
            if (v % 2 == 1) java.util.Collections.reverse(cands);
            views.add(new MultiViewStage.View("video" + (v + 1) + ".mp4", cal.camera(v).width(), cal.camera(v).height(), cands, 1));
        }
        return views;
    }
}
