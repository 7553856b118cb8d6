package org.poseanalytics.web.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Results of a made-up size with recognisable values, for storage tests and the storage benchmark. */
public final class SyntheticResults {
    private SyntheticResults() {}

    public static AnalysisResults of(int frames, int landmarks, int tracks, int angleColumns, int repetitions) {
        long[] f = IntStream.range(0, frames).asLongStream().toArray();
        double[] t = IntStream.range(0, frames).mapToDouble(i -> i / 30.0).toArray();
        List<AngleColumn> columns = new ArrayList<>();
        for (int c = 0; c < angleColumns; c++) {
            float[] v = new float[frames];
            float[] w = new float[frames];
            for (int i = 0; i < frames; i++) {
                v[i] = (float) (45 + 40 * Math.sin(i / 15.0 + c));
                w[i] = (float) (80 * Math.cos(i / 15.0 + c));
            }
            if (frames > 3) v[3] = Float.NaN; // a sample that could not be measured
            BodySide side = BodySide.values()[c % 3];
            AngleDimension dim = c % 2 == 0 ? AngleDimension.IMAGE_2D : AngleDimension.WORLD_3D;
            String joint = "joint" + c;
            columns.add(new AngleColumn(side.prefix() + joint + (dim == AngleDimension.WORLD_3D ? "_3d" : "") + "_deg",
                    joint, side, dim, "deg", v, w));
        }
        List<String> names = IntStream.range(0, landmarks).mapToObj(i -> "landmark_" + i).toList();
        Keypoints subject = keypoints(f, t, landmarks, 0);
        float[] world = new float[frames * landmarks * 3];
        for (int i = 0; i < world.length; i++) world[i] = (i % 97) / 100f;
        List<TrackKeypoints> trackList = new ArrayList<>();
        for (int k = 0; k < tracks; k++) trackList.add(new TrackKeypoints(k + 1, keypoints(f, t, landmarks, k)));
        List<RepetitionResult> reps = new ArrayList<>();
        List<MetricResult> metrics = new ArrayList<>();
        for (int r = 1; r <= repetitions; r++) {
            double s = r * 2.0;
            reps.add(new RepetitionResult(r, s, s + 0.8, s + 1.6, r * 60L, r * 60L + 24, r * 60L + 48, 90 + r, 95 + r, 5, 95 + r,
                    0.8, 0.1, 0.7, true, "", "knee_flexion_deg"));
            metrics.add(new MetricResult("knee_flexion_peak", 95 + r, "deg", BodySide.LEFT, r));
        }
        metrics.add(new MetricResult("repetitions", repetitions, "count", BodySide.NONE, null));
        metrics.add(new MetricResult("knee_flexion_rom_mean", 92.5, "deg", BodySide.LEFT, null));
        metrics.add(new MetricResult("knee_flexion_rom_mean", 90.0, "deg", BodySide.RIGHT, null));
        float[] px = new float[frames], py = new float[frames], conf = new float[frames];
        for (int i = 0; i < frames; i++) {
            px[i] = 100 + i % 50;
            py[i] = 200;
            conf[i] = 0.9f;
        }
        PointPath bar = new PointPath(1, 100, 200, 0, 0, f, t, px, py, conf);
        return new AnalysisResults("synthetic", "1", "squat", false, "knee_flexion_deg", "blazepose-33", names, 1, false, frames,
                frames, new Angles(f, t, columns),
                new SubjectKeypoints(SubjectKeypoints.Kind.RAW, "raw", subject, world),
                new SubjectKeypoints(SubjectKeypoints.Kind.FILTERED, "hampel+butterworth-4-6hz", keypoints(f, t, landmarks, 5), world),
                trackList, reps, metrics, List.of(bar),
                new Timings(1, 2, 0.1, 0.05, 3.2, frames / 3.2, Double.NaN));
    }

    private static Keypoints keypoints(long[] f, double[] t, int landmarks, int seed) {
        float[] v = new float[f.length * landmarks * 4];
        for (int i = 0; i < f.length; i++)
            for (int l = 0; l < landmarks; l++) {
                int o = (i * landmarks + l) * 4;
                v[o] = 10 * l + i % 100 + seed;
                v[o + 1] = 20 * l + seed;
                v[o + 2] = -0.1f * l;
                v[o + 3] = 0.9f;
            }
        if (f.length > 1 && landmarks > 1) {
            v[(landmarks + 1) * 4] = Float.NaN; // sample 1, landmark 1 is a gap
            v[(landmarks + 1) * 4 + 1] = Float.NaN;
        }
        return new Keypoints(landmarks, f, t, v);
    }
}
