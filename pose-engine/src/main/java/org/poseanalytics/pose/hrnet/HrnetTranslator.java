package org.poseanalytics.pose.hrnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.util.ArrayList;
import java.util.List;
import org.poseanalytics.pose.BoundingBox;
import org.poseanalytics.pose.Keypoint;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.heatmap.HeatmapPeak;
import org.poseanalytics.pose.heatmap.Heatmaps;
import org.poseanalytics.pose.image.RgbImage;
import org.poseanalytics.pose.skeleton.Skeleton;

/**
 * HRNet's pre- and post-processing beside the model (DJL Translator). In: every box of a picture becomes an
 * aspect-fixed, padded affine crop, ImageNet-normalised, stacked into one N×3×H×W batch (2N with the flip
 * test). Out: N×17×h×w heatmaps decoded by the codec and mapped back through each crop to image pixels.
 * It batches itself (no DJL batchifier) because the boxes of one picture are the natural batch.
 */
public final class HrnetTranslator implements NoBatchifyTranslator<HrnetInput, HrnetOutput> {
    /** ImageNet statistics on 0–255 RGB, as MMPose's PoseDataPreprocessor and torchvision's Normalize. */
    static final float[] MEAN = {123.675f, 116.28f, 103.53f};
    static final float[] STD = {58.395f, 57.12f, 57.375f};
    private static final String CROPS = "crops";

    private final HrnetConfig config;
    private final int[] mirror;

    public HrnetTranslator(HrnetConfig config) {
        this.config = config;
        this.mirror = new int[Skeleton.COCO_17.size()];
        for (int k = 0; k < mirror.length; k++) mirror[k] = Skeleton.COCO_17.mirror(k);
    }

    @Override
    public NDList processInput(TranslatorContext ctx, HrnetInput input) {
        int w = config.inputWidth(), h = config.inputHeight(), plane = w * h;
        int copies = config.flipTest() ? 2 : 1;
        int n = input.boxes().size();
        float[] batch = new float[n * copies * 3 * plane];
        List<TopDownCrop> crops = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            TopDownCrop crop = TopDownCrop.around(input.boxes().get(i), w, h, config.padding());
            crops.add(crop);
            warpNormalised(input.image(), crop, batch, i * 3 * plane, false);
            // Flipped crops go after all the plain ones so the output splits into two halves.
            if (copies == 2) warpNormalised(input.image(), crop, batch, (n + i) * 3 * plane, true);
        }
        ctx.setAttachment(CROPS, crops);
        NDArray array = ctx.getNDManager().create(batch, new Shape((long) n * copies, 3, h, w));
        return new NDList(array);
    }

    @Override
    public HrnetOutput processOutput(TranslatorContext ctx, NDList list) {
        @SuppressWarnings("unchecked")
        List<TopDownCrop> crops = (List<TopDownCrop>) ctx.getAttachment(CROPS);
        NDArray out = list.get(0);
        Shape shape = out.getShape();
        int n = crops.size();
        int copies = config.flipTest() ? 2 : 1;
        if (shape.dimension() != 4 || shape.get(0) != (long) n * copies || shape.get(1) != Skeleton.COCO_17.size()) {
            throw new IllegalStateException("HRNet output should be " + n * copies + "×17×h×w heatmaps, got " + shape
                    + " (is this a COCO-17 top-down heatmap model?)");
        }
        int k = (int) shape.get(1), hh = (int) shape.get(2), hw = (int) shape.get(3), size = k * hh * hw;
        float[] all = out.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
        List<PersonPose> poses = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Heatmaps heatmaps = new Heatmaps(k, hh, hw, java.util.Arrays.copyOfRange(all, i * size, (i + 1) * size));
            if (copies == 2) {
                Heatmaps flipped = new Heatmaps(k, hh, hw, java.util.Arrays.copyOfRange(all, (n + i) * size, (n + i + 1) * size));
                heatmaps = heatmaps.averagedWith(flipped.flippedBack(mirror));
            }
            poses.add(toPose(config.codec().decode(heatmaps), crops.get(i), hw, hh));
        }
        return new HrnetOutput(poses);
    }

    private PersonPose toPose(List<HeatmapPeak> peaks, TopDownCrop crop, int heatmapWidth, int heatmapHeight) {
        double strideX = (double) config.inputWidth() / heatmapWidth;
        double strideY = (double) config.inputHeight() / heatmapHeight;
        List<Keypoint> keypoints = new ArrayList<>(peaks.size());
        double scoreSum = 0;
        for (HeatmapPeak p : peaks) {
            double confidence = Math.clamp(p.score(), 0.0, 1.0);
            keypoints.add(new Keypoint(crop.imageX(p.x() * strideX), crop.imageY(p.y() * strideY), 0, confidence, confidence));
            scoreSum += confidence;
        }
        BoundingBox box = new BoundingBox(crop.centerX() - crop.width() / 2, crop.centerY() - crop.height() / 2, crop.width(), crop.height());
        return new PersonPose(Skeleton.COCO_17, keypoints, List.of(), box, scoreSum / peaks.size());
    }

    /**
     * Bilinear warp of the crop into CHW at {@code offset}, zero outside the picture (cv2.warpAffine's
     * constant border), then (v − mean) / std. The flipped copy mirrors the finished crop, as MMPose does.
     */
    static void warpNormalised(RgbImage image, TopDownCrop crop, float[] dst, int offset, boolean flip) {
        int w = crop.inputWidth(), h = crop.inputHeight(), plane = w * h;
        byte[] rgb = image.rgb();
        int iw = image.width(), ih = image.height();
        for (int v = 0; v < h; v++) {
            double sy = crop.imageY(v);
            int y0 = (int) Math.floor(sy);
            double fy = sy - y0;
            for (int u = 0; u < w; u++) {
                double sx = crop.imageX(u);
                int x0 = (int) Math.floor(sx);
                double fx = sx - x0;
                int du = flip ? w - 1 - u : u;
                for (int c = 0; c < 3; c++) {
                    double value = (1 - fy) * ((1 - fx) * pixel(rgb, iw, ih, x0, y0, c) + fx * pixel(rgb, iw, ih, x0 + 1, y0, c))
                            + fy * ((1 - fx) * pixel(rgb, iw, ih, x0, y0 + 1, c) + fx * pixel(rgb, iw, ih, x0 + 1, y0 + 1, c));
                    dst[offset + c * plane + v * w + du] = (float) ((value - MEAN[c]) / STD[c]);
                }
            }
        }
    }

    private static int pixel(byte[] rgb, int w, int h, int x, int y, int c) {
        if (x < 0 || y < 0 || x >= w || y >= h) return 0;
        return rgb[(y * w + x) * 3 + c] & 0xff;
    }
}
