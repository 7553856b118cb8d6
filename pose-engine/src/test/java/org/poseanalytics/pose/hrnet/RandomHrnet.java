package org.poseanalytics.pose.hrnet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * DEVELOPMENT TOOL, NOT PART OF THE PRODUCT: writes a model with HRNet's exact architecture (Sun et al. 2019;
 * {@code pose_hrnet.py} of deep-high-resolution-net.pytorch with {@code w32_256x192}: stem of two stride-2 3×3
 * convs, stage 1 of four Bottlenecks, stages 2–4 with 2/3/4 branches of BasicBlocks in 1/4/3 modules, exchange
 * (fuse) layers, 1×1 head to 17 heatmaps) and <b>seeded random weights</b>, as ONNX ({@code .onnx}) or TorchScript
 * ({@code .pt}). Its keypoints are meaningless; it exists because inference speed does not depend on weight values
 * and no pretrained HRNet weights can be fetched on the build machine. Never ship or evaluate accuracy with it.
 *
 * <p>The architecture and the weights are made once, here, and handed layer by layer to a {@link Layers} writer,
 * so the two formats cannot drift apart: the same seed gives the same network in both, and their heatmaps agree.
 * Layers are written as PyTorch writes them: convolution without bias + BatchNorm (ε 1e-5, in inference mode with
 * its running statistics: not folded) + ReLU, addition, and nearest-neighbour upsampling for the fuse layers. ONNX
 * Runtime folds the BatchNorms into the convolutions when it loads the model; libtorch runs them as written, as it
 * runs a user's traced or scripted HRNet that was not frozen.
 *
 * <pre>java -cp pose-engine/target/test-classes org.poseanalytics.pose.hrnet.RandomHrnet /tmp/hrnet_w32_random.onnx [width 32] [seed 1]
 * java -cp pose-engine/target/test-classes org.poseanalytics.pose.hrnet.RandomHrnet /tmp/hrnet_w32_random.pt [width 32] [seed 1]</pre>
 */
final class RandomHrnet {
    static final int INPUT_H = 256, INPUT_W = 192, KEYPOINTS = 17;
    static final double BN_EPSILON = 1e-5;
    private static final int STEM = 64, BOTTLENECK = 64, EXPANSION = 4, BLOCKS = 4;
    /** Modules per stage 2, 3, 4 (the w32/w48 configurations). */
    private static final int[] MODULES = {1, 4, 3};

    /** A feature map: its value name, channels and size. */
    record Tensor(String name, int channels, int height, int width) {}

    /** What was built: trainable parameters counted as PyTorch counts them (BN γ, β; not running statistics). */
    record Summary(long parameters, long multiplyAccumulates, int nodes) {}

    /**
     * Receives the network one layer at a time, in order, with its weights (null when only counting). Names are
     * unique identifiers ({@code conv_3}); weights are in PyTorch's layouts (conv: out × in × k × k).
     */
    interface Layers {
        void conv(Tensor in, Tensor out, int kernel, int stride, int pad, float[] weight, float[] bias);

        void batchNorm(Tensor in, Tensor out, float[] gamma, float[] beta, float[] mean, float[] variance);

        void relu(Tensor in, Tensor out);

        void add(Tensor a, Tensor b, Tensor out);

        void upsampleNearest(Tensor in, Tensor out, int factor);
    }

    private final int width;
    private final SplittableRandom random;
    private final Layers layers;
    private final boolean withWeights;
    private long parameters, macs;
    private int nodes;

    private RandomHrnet(int width, long seed, Layers layers, boolean withWeights) {
        this.width = width;
        this.random = new SplittableRandom(seed);
        this.layers = layers;
        this.withWeights = withWeights;
    }

    /** Builds HRNet-W{width} with weights from {@code seed} into {@code layers}; returns the heatmap output. */
    static Built build(int width, long seed, Layers layers) {
        RandomHrnet net = new RandomHrnet(width, seed, layers, true);
        Tensor heatmaps = net.build();
        return new Built(heatmaps, net.summary());
    }

    record Built(Tensor heatmaps, Summary summary) {}

    /** Writes HRNet-W{width} to {@code file}: ONNX for {@code .onnx}, TorchScript for {@code .pt}. */
    static Summary write(Path file, int width, long seed) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".onnx")) return RandomHrnetOnnx.write(file, width, seed);
        if (name.endsWith(".pt")) return RandomHrnetTorchScript.write(file, width, seed);
        throw new IllegalArgumentException("write .onnx or .pt, not " + file.getFileName());
    }

    /** Counts parameters, multiply-accumulates and layers of HRNet-W{width} without making any weights. */
    static Summary count(int width) {
        RandomHrnet net = new RandomHrnet(width, 0, new Layers() {
            public void conv(Tensor in, Tensor out, int kernel, int stride, int pad, float[] weight, float[] bias) {}
            public void batchNorm(Tensor in, Tensor out, float[] gamma, float[] beta, float[] mean, float[] variance) {}
            public void relu(Tensor in, Tensor out) {}
            public void add(Tensor a, Tensor b, Tensor out) {}
            public void upsampleNearest(Tensor in, Tensor out, int factor) {}
        }, false);
        net.build();
        return net.summary();
    }

    private Summary summary() { return new Summary(parameters, macs, nodes); }

    static Tensor input() { return new Tensor("input", 3, INPUT_H, INPUT_W); }

    private Tensor build() {
        int[] channels = {width, 2 * width, 4 * width, 8 * width};
        Tensor x = input();
        // Stem: 256×192 → 64×48, where the high-resolution branch lives.
        x = relu(bn(conv(x, STEM, 3, 2), 1));
        x = relu(bn(conv(x, STEM, 3, 2), 1));
        // Stage 1: four Bottlenecks, the first with a projection shortcut.
        for (int b = 0; b < BLOCKS; b++) x = bottleneck(x, b == 0);

        // Transition 1: the full-resolution branch and a new half-resolution one, both from stage 1's output.
        List<Tensor> branches = new ArrayList<>();
        branches.add(relu(bn(conv(x, channels[0], 3, 1), 1)));
        branches.add(relu(bn(conv(x, channels[1], 3, 2), 1)));
        for (int stage = 0; stage < MODULES.length; stage++) {
            int n = stage + 2;
            for (int m = 0; m < MODULES[stage]; m++) {
                boolean last = stage == MODULES.length - 1 && m == MODULES[stage] - 1;
                branches = module(branches, channels, !last);
            }
            if (n < 4) {
                // Next transition: existing branches pass through (same width), a new one comes from the lowest.
                Tensor lowest = branches.get(n - 1);
                branches.add(relu(bn(conv(lowest, channels[n], 3, 2), 1)));
            }
        }
        // Head: 1×1 conv with bias on the high-resolution branch → 17×64×48 heatmaps.
        return conv(branches.get(0), KEYPOINTS, 1, 1, true, "heatmaps");
    }

    private Tensor bottleneck(Tensor x, boolean project) {
        int out = BOTTLENECK * EXPANSION;
        Tensor y = relu(bn(conv(x, BOTTLENECK, 1, 1), 1));
        y = relu(bn(conv(y, BOTTLENECK, 3, 1), 1));
        // A small γ on the residual branch's last BN keeps 30-odd stacked random blocks from growing without bound.
        y = bn(conv(y, out, 1, 1), 0.2);
        Tensor shortcut = project ? bn(conv(x, out, 1, 1), 1) : x;
        return relu(add(y, shortcut));
    }

    private Tensor basicBlock(Tensor x) {
        Tensor y = relu(bn(conv(x, x.channels(), 3, 1), 1));
        y = bn(conv(y, x.channels(), 3, 1), 0.2);
        return relu(add(y, x));
    }

    /** HighResolutionModule: four BasicBlocks per branch, then every output resolution sums every branch. */
    private List<Tensor> module(List<Tensor> in, int[] channels, boolean multiScaleOutput) {
        List<Tensor> x = new ArrayList<>();
        for (Tensor branch : in) {
            Tensor t = branch;
            for (int b = 0; b < BLOCKS; b++) t = basicBlock(t);
            x.add(t);
        }
        List<Tensor> fused = new ArrayList<>();
        int outputs = multiScaleOutput ? x.size() : 1;
        for (int i = 0; i < outputs; i++) {
            Tensor y = null;
            for (int j = 0; j < x.size(); j++) {
                Tensor term;
                if (j == i) {
                    term = x.get(j);
                } else if (j > i) {
                    // Lower resolution → 1×1 conv to branch i's width, BN, nearest upsampling by 2^(j−i).
                    term = upsample(bn(conv(x.get(j), channels[i], 1, 1), 0.5), 1 << (j - i));
                } else {
                    // Higher resolution → (i−j) stride-2 3×3 convs; ReLU between them, not after the last.
                    term = x.get(j);
                    for (int k = 0; k < i - j; k++) {
                        boolean lastStep = k == i - j - 1;
                        term = bn(conv(term, lastStep ? channels[i] : channels[j], 3, 2), 0.5);
                        if (!lastStep) term = relu(term);
                    }
                }
                y = y == null ? term : add(y, term);
            }
            fused.add(relu(y));
        }
        return fused;
    }

    // --- layers ---

    private String fresh(String op) { return op + "_" + (nodes++); }

    private Tensor conv(Tensor x, int out, int kernel, int stride) { return conv(x, out, kernel, stride, false, null); }

    private Tensor conv(Tensor x, int out, int kernel, int stride, boolean bias, String outputName) {
        String name = fresh("conv");
        int pad = kernel / 2;
        int h = (x.height() + 2 * pad - kernel) / stride + 1, w = (x.width() + 2 * pad - kernel) / stride + 1;
        int fanIn = x.channels() * kernel * kernel;
        Tensor y = new Tensor(outputName != null ? outputName : name, out, h, w);
        // He initialisation, like a freshly constructed network: activations keep a sensible scale.
        float[] weight = gaussian(out * fanIn, Math.sqrt(2.0 / fanIn));
        parameters += (long) out * fanIn + (bias ? out : 0);
        layers.conv(x, y, kernel, stride, pad, weight, bias && withWeights ? new float[out] : null);
        macs += (long) out * h * w * fanIn;
        return y;
    }

    private Tensor bn(Tensor x, double gamma) {
        int c = x.channels();
        Tensor y = new Tensor(fresh("bn"), c, x.height(), x.width());
        // Running statistics are buffers in PyTorch, not parameters: written, but not counted.
        parameters += 2L * c;
        if (withWeights) {
            float[] scale = new float[c], variance = new float[c];
            Arrays.fill(scale, (float) gamma);
            Arrays.fill(variance, 1f);
            layers.batchNorm(x, y, scale, new float[c], new float[c], variance);
        }
        return y;
    }

    private Tensor relu(Tensor x) {
        Tensor y = new Tensor(fresh("relu"), x.channels(), x.height(), x.width());
        layers.relu(x, y);
        return y;
    }

    private Tensor add(Tensor a, Tensor b) {
        if (a.channels() != b.channels() || a.height() != b.height() || a.width() != b.width()) {
            throw new IllegalStateException("cannot add " + a + " and " + b);
        }
        Tensor y = new Tensor(fresh("add"), a.channels(), a.height(), a.width());
        layers.add(a, b, y);
        return y;
    }

    private Tensor upsample(Tensor x, int factor) {
        Tensor y = new Tensor(fresh("upsample"), x.channels(), x.height() * factor, x.width() * factor);
        layers.upsampleNearest(x, y, factor);
        return y;
    }

    private float[] gaussian(int n, double std) {
        if (!withWeights) return null;
        float[] values = new float[n];
        for (int i = 0; i < n; i++) values[i] = (float) (random.nextGaussian() * std);
        return values;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: RandomHrnet OUT.onnx|OUT.pt [width=32] [seed=1]   (random weights: for speed tests only)");
            System.exit(5);
        }
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        Summary s = write(Path.of(args[0]), width, seed);
        System.out.printf(Locale.ROOT, "%s: HRNet-W%d architecture, RANDOM weights (seed %d): %,d parameters, %.2f GMACs, %d layers%n",
                args[0], width, seed, s.parameters(), s.multiplyAccumulates() / 1e9, s.nodes());
    }
}
