package org.poseanalytics.pose.eval;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.image.RgbImage;

/**
 * Runs a pose model over the photos of a COCO keypoint file and measures it: COCO keypoint AP (through
 * {@link CocoKeypointEvaluator}), PCK@0.2 and per-joint error on the people matched to the ground truth.
 * Stages: load photo → estimate → map to COCO-17 → results entries → match by OKS → tally.
 */
public final class PoseEvaluation {

    /** Everything one evaluation run produced; {@code detections} is what goes into a COCO results file. */
    public record Report(CocoKeypointStats coco, KeypointAccuracy accuracy, List<CocoDetection> detections,
                         int images, double secondsPerImage) {}

    private final double pckAlpha;

    public PoseEvaluation(double pckAlpha) { this.pckAlpha = pckAlpha; }

    public Report run(CocoDataset gt, Path imagesDir, ImagePoseSource model) {
        List<CocoDetection> detections = new ArrayList<>();
        KeypointAccuracy.Tally tally = new KeypointAccuracy.Tally(pckAlpha);
        long nanos = 0;
        for (CocoImage meta : gt.images()) {
            RgbImage image = load(imagesDir.resolve(meta.fileName()));
            long t0 = System.nanoTime();
            List<PersonPose> poses = model.estimate(meta, image);
            nanos += System.nanoTime() - t0;
            List<CocoDetection> mine = new ArrayList<>();
            for (PersonPose pose : poses) {
                PersonPose coco = Coco17.of(pose);
                mine.add(new CocoDetection(meta.id(), 1, Coco17.resultTriples(coco), pose.score()));
            }
            detections.addAll(mine);
            matchAndTally(gt.annotationsOf(meta.id()), mine, tally);
        }
        CocoKeypointStats stats = new CocoKeypointEvaluator().evaluate(gt, detections);
        int n = gt.images().size();
        return new Report(stats, tally.result(), detections, n, n == 0 ? 0 : nanos / 1e9 / n);
    }

    /** Greedy one-to-one matching by OKS, best pair first; people with no match are tallied as missed. */
    static void matchAndTally(List<CocoAnnotation> annotations, List<CocoDetection> predictions, KeypointAccuracy.Tally tally) {
        List<CocoAnnotation> people = annotations.stream().filter(a -> !a.ignored()).toList();
        double[][] oks = new double[people.size()][predictions.size()];
        for (int g = 0; g < people.size(); g++) {
            for (int d = 0; d < predictions.size(); d++) oks[g][d] = Oks.between(people.get(g), predictions.get(d));
        }
        double[][] matched = new double[people.size()][];
        boolean[] used = new boolean[predictions.size()];
        boolean[] done = new boolean[people.size()];
        while (true) {
            int bg = -1, bd = -1;
            double best = 0;
            for (int g = 0; g < people.size(); g++) {
                if (done[g]) continue;
                for (int d = 0; d < predictions.size(); d++) {
                    if (!used[d] && oks[g][d] > best) { best = oks[g][d]; bg = g; bd = d; }
                }
            }
            if (bg < 0) break;
            done[bg] = true;
            used[bd] = true;
            matched[bg] = predictions.get(bd).keypoints();
        }
        for (int g = 0; g < people.size(); g++) tally.add(people.get(g), matched[g]);
    }

    /** A photo as interleaved RGB; a clear message for missing or unreadable files. */
    public static RgbImage load(Path file) {
        if (!Files.isRegularFile(file)) throw new CocoFormatException("image not found: " + file);
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new CocoFormatException("cannot read image " + file + ": " + e.getMessage(), e);
        }
        if (img == null) throw new CocoFormatException("not an image format Java can read: " + file);
        int w = img.getWidth(), h = img.getHeight();
        byte[] rgb = new byte[w * h * 3];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x], i = (y * w + x) * 3;
                rgb[i] = (byte) (p >> 16);
                rgb[i + 1] = (byte) (p >> 8);
                rgb[i + 2] = (byte) p;
            }
        }
        return new RgbImage(w, h, rgb);
    }
}
