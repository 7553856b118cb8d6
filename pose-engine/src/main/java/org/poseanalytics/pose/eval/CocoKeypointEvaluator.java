package org.poseanalytics.pose.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * COCO keypoint evaluation, a line-by-line port of pycocotools' {@code COCOeval} with iouType "keypoints"
 * ({@code evaluate → accumulate → summarize}), so that its numbers can be compared with published ones.
 * The quirks are kept on purpose: detections are ranked by a stable sort on score, at most 20 per image
 * count, precision is made monotone from the right and read at 101 recall points with a left
 * searchsorted, ground truth outside an area range is ignored rather than removed, and unmatched
 * detections outside the range are ignored too.
 */
public final class CocoKeypointEvaluator {
    public static final int MAX_DETS = 20;

    /** An area range of pycocotools' params, on the annotation's 'area' (segment area), not the box. */
    public record AreaRange(String label, double min, double max) {
        boolean excludes(double area) { return area < min || area > max; }
    }

    public static final List<AreaRange> AREA_RANGES = List.of(
            new AreaRange("all", 0, 1e10),
            new AreaRange("medium", 32 * 32, 96 * 96),
            new AreaRange("large", 96 * 96, 1e10));

    /** np.linspace(.5, .95, 10) and np.linspace(0, 1, 101), built the way numpy builds them (i·step + start). */
    static final double[] IOU_THRESHOLDS = linspace(0.5, 0.95, 10);
    static final double[] RECALL_THRESHOLDS = linspace(0.0, 1.0, 101);
    private static final double EPS = Math.ulp(1.0);

    /** precision[t][r][k][a] and recall[t][k][a] as in pycocotools' eval dict (maxDets has one entry). */
    public record Accumulated(double[][][][] precision, double[][][] recall, List<Long> categoryIds) {}

    private record Key(long imageId, long categoryId) {}

    /** A detection with the id pycocotools' loadRes gives it (its position in the file + 1). */
    private record Dt(long id, CocoDetection detection) {}

    /** What evaluateImg returns for one image, category and area range. */
    private record ImageEval(double[] dtScores, long[][] dtMatches, boolean[][] dtIgnore, boolean[] gtIgnore) {}

    public CocoKeypointStats evaluate(CocoDataset groundTruth, List<CocoDetection> detections) {
        return summarize(accumulate(groundTruth, detections));
    }

    public Accumulated accumulate(CocoDataset groundTruth, List<CocoDetection> detections) {
        List<Long> imageIds = new ArrayList<>(new TreeSet<>(groundTruth.images().stream().map(CocoImage::id).toList()));
        List<Long> categoryIds = new ArrayList<>(new TreeSet<>(groundTruth.categoryIds()));
        TreeSet<Long> known = new TreeSet<>(imageIds);
        for (CocoDetection d : detections) {
            if (!known.contains(d.imageId())) {
                throw new CocoFormatException("results do not correspond to the annotation file: image_id "
                        + d.imageId() + " is not among its images");
            }
        }

        Map<Key, List<CocoAnnotation>> gts = new HashMap<>();
        for (CocoAnnotation a : groundTruth.annotations()) {
            if (known.contains(a.imageId()) && categoryIds.contains(a.categoryId())) {
                gts.computeIfAbsent(new Key(a.imageId(), a.categoryId()), k -> new ArrayList<>()).add(a);
            }
        }
        Map<Key, List<Dt>> dts = new HashMap<>();
        for (int i = 0; i < detections.size(); i++) {
            CocoDetection d = detections.get(i);
            if (categoryIds.contains(d.categoryId())) {
                dts.computeIfAbsent(new Key(d.imageId(), d.categoryId()), k -> new ArrayList<>()).add(new Dt(i + 1, d));
            }
        }

        int T = IOU_THRESHOLDS.length, R = RECALL_THRESHOLDS.length, K = categoryIds.size(), A = AREA_RANGES.size();
        double[][][][] precision = new double[T][R][K][A];
        double[][][] recall = new double[T][K][A];
        for (double[][][] p : precision) for (double[][] q : p) for (double[] s : q) Arrays.fill(s, -1);
        for (double[][] p : recall) for (double[] s : p) Arrays.fill(s, -1);

        for (int k = 0; k < K; k++) {
            long cat = categoryIds.get(k);
            // computeOks once per image: detections ranked by score and cut to maxDets, ground truth in file order.
            List<List<CocoAnnotation>> gtPerImage = new ArrayList<>();
            List<List<Dt>> dtPerImage = new ArrayList<>();
            List<double[][]> oksPerImage = new ArrayList<>();
            for (long img : imageIds) {
                List<CocoAnnotation> g = gts.getOrDefault(new Key(img, cat), List.of());
                List<Dt> d = ranked(dts.getOrDefault(new Key(img, cat), List.of()));
                double[][] oks = new double[d.size()][g.size()];
                for (int i = 0; i < d.size(); i++) {
                    for (int j = 0; j < g.size(); j++) oks[i][j] = Oks.between(g.get(j), d.get(i).detection());
                }
                gtPerImage.add(g);
                dtPerImage.add(d);
                oksPerImage.add(oks);
            }
            for (int a = 0; a < A; a++) {
                List<ImageEval> evals = new ArrayList<>();
                for (int i = 0; i < imageIds.size(); i++) {
                    ImageEval e = evaluateImage(gtPerImage.get(i), dtPerImage.get(i), oksPerImage.get(i), AREA_RANGES.get(a));
                    if (e != null) evals.add(e);
                }
                accumulateInto(evals, k, a, precision, recall);
            }
        }
        return new Accumulated(precision, recall, categoryIds);
    }

    /** Highest score first, equal scores in file order (numpy's stable mergesort), at most maxDets. */
    private static List<Dt> ranked(List<Dt> dts) {
        List<Dt> sorted = new ArrayList<>(dts);
        sorted.sort(Comparator.comparing(Dt::detection, CocoKeypointEvaluator::byScoreDescending));
        return sorted.size() > MAX_DETS ? sorted.subList(0, MAX_DETS) : sorted;
    }

    private static int byScoreDescending(CocoDetection a, CocoDetection b) {
        // Not Double.compare: numpy treats 0.0 and -0.0 as equal.
        return a.score() > b.score() ? -1 : a.score() < b.score() ? 1 : 0;
    }

    private static ImageEval evaluateImage(List<CocoAnnotation> gtsInFileOrder, List<Dt> dt, double[][] oks, AreaRange range) {
        if (gtsInFileOrder.isEmpty() && dt.isEmpty()) return null;
        int G = gtsInFileOrder.size(), D = dt.size(), T = IOU_THRESHOLDS.length;

        // Ground truth to be ignored goes last (stable), so a detection prefers a real match to an ignored one.
        Integer[] order = new Integer[G];
        for (int j = 0; j < G; j++) order[j] = j;
        boolean[] ignoredInFileOrder = new boolean[G];
        for (int j = 0; j < G; j++) {
            CocoAnnotation g = gtsInFileOrder.get(j);
            ignoredInFileOrder[j] = g.ignored() || range.excludes(g.area());
        }
        Arrays.sort(order, Comparator.comparingInt(j -> ignoredInFileOrder[j] ? 1 : 0));
        List<CocoAnnotation> gt = new ArrayList<>();
        boolean[] gtIgnore = new boolean[G];
        for (int j = 0; j < G; j++) {
            gt.add(gtsInFileOrder.get(order[j]));
            gtIgnore[j] = ignoredInFileOrder[order[j]];
        }

        long[][] gtMatches = new long[T][G];
        long[][] dtMatches = new long[T][D];
        boolean[][] dtIgnore = new boolean[T][D];
        if (D > 0 && G > 0) {
            for (int t = 0; t < T; t++) {
                for (int d = 0; d < D; d++) {
                    double best = Math.min(IOU_THRESHOLDS[t], 1 - 1e-10);
                    int m = -1;
                    for (int j = 0; j < G; j++) {
                        boolean crowd = gt.get(j).iscrowd();
                        if (gtMatches[t][j] > 0 && !crowd) continue;
                        if (m > -1 && !gtIgnore[m] && gtIgnore[j]) break;
                        double o = oks[d][order[j]];
                        if (o < best) continue;
                        best = o;
                        m = j;
                    }
                    if (m == -1) continue;
                    dtIgnore[t][d] = gtIgnore[m];
                    // pycocotools stores the ground truth's id here and later reads 0 as "unmatched".
                    dtMatches[t][d] = gt.get(m).id();
                    gtMatches[t][m] = dt.get(d).id();
                }
            }
        }
        double[] scores = new double[D];
        for (int d = 0; d < D; d++) {
            scores[d] = dt.get(d).detection().score();
            boolean outside = range.excludes(dt.get(d).detection().area());
            for (int t = 0; t < T; t++) dtIgnore[t][d] = dtIgnore[t][d] || (dtMatches[t][d] == 0 && outside);
        }
        return new ImageEval(scores, dtMatches, dtIgnore, gtIgnore);
    }

    private static void accumulateInto(List<ImageEval> evals, int k, int a, double[][][][] precision, double[][][] recall) {
        if (evals.isEmpty()) return;
        int n = evals.stream().mapToInt(e -> e.dtScores().length).sum();
        int T = IOU_THRESHOLDS.length, R = RECALL_THRESHOLDS.length;
        double[] scores = new double[n];
        long[][] dtm = new long[T][n];
        boolean[][] dtIg = new boolean[T][n];
        int offset = 0, notIgnored = 0;
        for (ImageEval e : evals) {
            int d = e.dtScores().length;
            System.arraycopy(e.dtScores(), 0, scores, offset, d);
            for (int t = 0; t < T; t++) {
                System.arraycopy(e.dtMatches()[t], 0, dtm[t], offset, d);
                System.arraycopy(e.dtIgnore()[t], 0, dtIg[t], offset, d);
            }
            offset += d;
            for (boolean ig : e.gtIgnore()) if (!ig) notIgnored++;
        }
        if (notIgnored == 0) return;
        Integer[] rank = new Integer[n];
        for (int i = 0; i < n; i++) rank[i] = i;
        Arrays.sort(rank, (x, y) -> scores[x] > scores[y] ? -1 : scores[x] < scores[y] ? 1 : 0);

        for (int t = 0; t < T; t++) {
            double[] rc = new double[n], pr = new double[n];
            long tp = 0, fp = 0;
            for (int i = 0; i < n; i++) {
                int d = rank[i];
                if (!dtIg[t][d]) {
                    if (dtm[t][d] != 0) tp++;
                    else fp++;
                }
                rc[i] = (double) tp / notIgnored;
                pr[i] = tp / (fp + tp + EPS);
            }
            recall[t][k][a] = n > 0 ? rc[n - 1] : 0;
            for (int i = n - 1; i > 0; i--) if (pr[i] > pr[i - 1]) pr[i - 1] = pr[i];
            for (int r = 0; r < R; r++) {
                int i = searchsortedLeft(rc, RECALL_THRESHOLDS[r]);
                // pycocotools stops at the first recall level it cannot reach; the rest stay 0.
                precision[t][r][k][a] = i < n ? pr[i] : 0;
            }
        }
    }

    /** The first index i with values[i] >= key (values ascending), or values.length. */
    private static int searchsortedLeft(double[] values, double key) {
        int lo = 0, hi = values.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] < key) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    public CocoKeypointStats summarize(Accumulated acc) {
        int all = 0, medium = 1, large = 2;
        int[] everyIou = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        int[] iou50 = {0};
        int[] iou75 = {5};
        return new CocoKeypointStats(
                meanPrecision(acc, everyIou, all), meanPrecision(acc, iou50, all), meanPrecision(acc, iou75, all),
                meanPrecision(acc, everyIou, medium), meanPrecision(acc, everyIou, large),
                meanRecall(acc, everyIou, all), meanRecall(acc, iou50, all), meanRecall(acc, iou75, all),
                meanRecall(acc, everyIou, medium), meanRecall(acc, everyIou, large));
    }

    private static double meanPrecision(Accumulated acc, int[] thresholds, int area) {
        List<Double> values = new ArrayList<>();
        for (int t : thresholds) {
            for (double[][] atRecall : acc.precision()[t]) {
                for (double[] perCategory : atRecall) values.add(perCategory[area]);
            }
        }
        return meanOfKnown(values);
    }

    private static double meanRecall(Accumulated acc, int[] thresholds, int area) {
        List<Double> values = new ArrayList<>();
        for (int t : thresholds) for (double[] perCategory : acc.recall()[t]) values.add(perCategory[area]);
        return meanOfKnown(values);
    }

    /** np.mean(s[s > -1]), or -1 when nothing was measured. */
    private static double meanOfKnown(List<Double> values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (v > -1) { sum += v; n++; }
        }
        return n == 0 ? -1 : sum / n;
    }

    private static double[] linspace(double start, double stop, int num) {
        double step = (stop - start) / (num - 1);
        double[] values = new double[num];
        for (int i = 0; i < num; i++) values[i] = i * step + start;
        values[num - 1] = stop;
        return values;
    }
}
