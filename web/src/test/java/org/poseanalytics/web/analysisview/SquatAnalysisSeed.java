package org.poseanalytics.web.analysisview;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.web.analysis.AnalysisResults;
import org.poseanalytics.web.analysis.AngleColumn;
import org.poseanalytics.web.analysis.AngleDimension;
import org.poseanalytics.web.analysis.Angles;
import org.poseanalytics.web.analysis.BodySide;
import org.poseanalytics.web.analysis.Keypoints;
import org.poseanalytics.web.analysis.MetricResult;
import org.poseanalytics.web.analysis.RepetitionResult;
import org.poseanalytics.web.analysis.SubjectKeypoints;
import org.poseanalytics.web.analysis.Timings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Analysis results for the shared squat video built from MediaPipe's own reference landmarks for it (the fixture
 * pose_squats.full.json, 65 frames × 33 landmarks in pixels): real poses of the real video, 2D knee flexion from
 * hip–knee–ankle, repetitions where flexion exceeds 15°. Stands in for the job runner until it is merged into
 * this branch; the pages under test read them through the same store and queries the job uses.
 */
final class SquatAnalysisSeed {
    private SquatAnalysisSeed() {}

    /** {@code scale} shrinks the angles, to make an earlier, stiffer visit. */
    static AnalysisResults fromReference(Path referenceJson, double fps, double scale) throws IOException {
        JsonNode frames = JsonMapper.builder().build().readTree(referenceJson.toFile());
        int n = frames.size(), lm = 33;
        long[] frameNo = new long[n];
        double[] t = new double[n];
        float[] values = new float[n * lm * 4];
        for (int i = 0; i < n; i++) {
            frameNo[i] = i;
            t[i] = i / fps;
            for (int l = 0; l < lm; l++) {
                JsonNode p = frames.get(i).get(l);
                int k = (i * lm + l) * 4;
                values[k] = (float) p.get(0).asDouble();
                values[k + 1] = (float) p.get(1).asDouble();
                values[k + 2] = (float) p.get(2).asDouble();
                values[k + 3] = 0.99f;
            }
        }
        Keypoints kp = new Keypoints(lm, frameNo, t, values);
        AngleColumn left = knee(kp, BodySide.LEFT, 23, 25, 27, t, scale);
        AngleColumn right = knee(kp, BodySide.RIGHT, 24, 26, 28, t, scale);
        List<RepetitionResult> reps = repetitions(left.valuesDeg(), t, frameNo);
        List<MetricResult> metrics = new ArrayList<>();
        metrics.add(new MetricResult("repetitions", reps.size(), "count", BodySide.NONE, null));
        double romMean = reps.stream().mapToDouble(RepetitionResult::romDeg).average().orElse(Double.NaN);
        metrics.add(new MetricResult("knee_flexion_2d_rom_mean", romMean, "deg", BodySide.LEFT, null));
        for (RepetitionResult r : reps) {
            double rightPeak = max(right.valuesDeg(), (int) r.startFrame(), (int) r.endFrame());
            double sym = 100 * Math.abs(r.peakDeg() - rightPeak) / ((r.peakDeg() + rightPeak) / 2);
            metrics.add(new MetricResult("knee_flexion_symmetry_index", sym, "%", BodySide.NONE, r.index()));
        }
        metrics.add(new MetricResult("knee_flexion_symmetry_index", metrics.stream()
                .filter(m -> m.repetition() != null).mapToDouble(MetricResult::value).average().orElse(Double.NaN), "%", BodySide.NONE, null));
        SubjectKeypoints filtered = new SubjectKeypoints(SubjectKeypoints.Kind.FILTERED, "mediapipe-reference", kp, null);
        return new AnalysisResults("blazepose-full", "reference", "squat", false, left.column(), "blazepose-33",
                Skeleton.BLAZEPOSE_33.names(), 1, n, n, new Angles(frameNo, t, List.of(left, right)),
                new SubjectKeypoints(SubjectKeypoints.Kind.RAW, "raw", kp, null), filtered,
                List.of(), reps, metrics, List.of(), new Timings(0, 0, 0, 0, 0, 0, 0));
    }

    private static AngleColumn knee(Keypoints kp, BodySide side, int hip, int knee, int ankle, double[] t, double scale) {
        float[] v = new float[kp.length()];
        float[] vel = new float[kp.length()];
        for (int s = 0; s < kp.length(); s++) {
            double ax = kp.x(s, hip) - kp.x(s, knee), ay = kp.y(s, hip) - kp.y(s, knee);
            double bx = kp.x(s, ankle) - kp.x(s, knee), by = kp.y(s, ankle) - kp.y(s, knee);
            double inner = Math.toDegrees(Math.acos((ax * bx + ay * by) / Math.hypot(ax, ay) / Math.hypot(bx, by)));
            v[s] = (float) ((180 - inner) * scale);
            if (s > 0) vel[s] = (float) ((v[s] - v[s - 1]) / (t[s] - t[s - 1]));
        }
        return new AngleColumn(side.prefix() + "knee_flexion_2d_deg", "knee_flexion", side, AngleDimension.IMAGE_2D, "deg", v, vel);
    }

    private static List<RepetitionResult> repetitions(float[] deg, double[] t, long[] frames) {
        List<RepetitionResult> reps = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= deg.length; i++) {
            boolean in = i < deg.length && deg[i] > 15;
            if (in && start < 0) start = Math.max(0, i - 1);
            if (!in && start >= 0) {
                int end = Math.min(deg.length - 1, i);
                int peak = start;
                for (int k = start; k <= end; k++) if (deg[k] > deg[peak]) peak = k;
                double min = Math.min(deg[start], deg[end]);
                boolean complete = i < deg.length;
                reps.add(new RepetitionResult(reps.size() + 1, t[start], t[peak], t[end], frames[start], frames[peak], frames[end],
                        deg[peak] - min, deg[peak], min, deg[peak], t[peak] - t[start], 0, t[end] - t[peak], complete,
                        complete ? "" : "did not return to rest before the video ended", "left_knee_flexion_2d_deg"));
                start = -1;
            }
        }
        return reps;
    }

    private static double max(float[] v, int from, int to) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = from; i <= to && i < v.length; i++) m = Math.max(m, v[i]);
        return m;
    }
}
