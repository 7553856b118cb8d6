package org.poseanalytics.pose.hrnet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * DEVELOPMENT TOOL, NOT PART OF THE PRODUCT: writes an ONNX model with HRNet's exact architecture
 * (Sun et al. 2019; {@code pose_hrnet.py} of deep-high-resolution-net.pytorch with {@code w32_256x192}: stem of two
 * stride-2 3×3 convs, stage 1 of four Bottlenecks, stages 2–4 with 2/3/4 branches of BasicBlocks in 1/4/3
 * modules, exchange (fuse) layers, 1×1 head to 17 heatmaps) and <b>seeded random weights</b>. Its keypoints are
 * meaningless; it exists because inference speed does not depend on weight values and no pretrained HRNet weights
 * can be fetched on the build machine. Never ship or evaluate accuracy with it.
 *
 * <p>Layers are written as PyTorch's exporter writes them: Conv without bias + BatchNormalization (ε 1e-5) + Relu,
 * Add, and nearest-neighbour Resize (asymmetric, floor) for the fuse layers' upsampling; ONNX Runtime folds the
 * BatchNormalizations into the convolutions when it loads the model, as it would for real weights.
 *
 * <pre>java -cp pose-engine/target/test-classes org.poseanalytics.pose.hrnet.RandomHrnetOnnx /tmp/hrnet_w32_random.onnx [width 32] [seed 1]</pre>
 */
final class RandomHrnetOnnx {
    static final int INPUT_H = 256, INPUT_W = 192, KEYPOINTS = 17;
    private static final int STEM = 64, BOTTLENECK = 64, EXPANSION = 4, BLOCKS = 4;
    /** Modules per stage 2, 3, 4 (the w32/w48 configurations). */
    private static final int[] MODULES = {1, 4, 3};

    /** A feature map: the ONNX value name, its channels and size. */
    record Tensor(String name, int channels, int height, int width) {}

    /** What was built: trainable parameters counted as PyTorch counts them (BN γ, β; not running statistics). */
    record Summary(long parameters, long multiplyAccumulates, int nodes) {}

    private final int width;
    private final SplittableRandom random;
    private final boolean withWeights;
    private final OnnxWriter graph = OnnxWriter.of();
    private long parameters, macs;
    private int nodes;

    private RandomHrnetOnnx(int width, long seed, boolean withWeights) {
        this.width = width;
        this.random = new SplittableRandom(seed);
        this.withWeights = withWeights;
    }

    /** Builds HRNet-W{width} and writes it to {@code file}. */
    static Summary write(Path file, int width, long seed) throws IOException {
        RandomHrnetOnnx net = new RandomHrnetOnnx(width, seed, true);
        net.build();
        OnnxWriter.writeModel(file, net.graph, "pose-analytics RandomHrnetOnnx (random weights, speed tests only)", 13);
        return net.summary();
    }

    /** Counts parameters and multiply-accumulates of HRNet-W{width} without making any weights. */
    static Summary count(int width) {
        RandomHrnetOnnx net = new RandomHrnetOnnx(width, 0, false);
        net.build();
        return net.summary();
    }

    private Summary summary() { return new Summary(parameters, macs, nodes); }

    private void build() {
        int[] channels = {width, 2 * width, 4 * width, 8 * width};
        Tensor x = new Tensor("input", 3, INPUT_H, INPUT_W);
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
        Tensor heatmaps = conv(branches.get(0), KEYPOINTS, 1, 1, true, "heatmaps");
        graph.string(2, "hrnet_w" + width + "_random")
                .message(11, OnnxWriter.floatValue("input", 3, INPUT_H, INPUT_W))
                .message(12, OnnxWriter.floatValue(heatmaps.name(), KEYPOINTS, heatmaps.height(), heatmaps.width()));
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

    // --- ONNX nodes ---

    private String fresh(String op) { return op.toLowerCase(Locale.ROOT) + "_" + (nodes++); }

    private Tensor conv(Tensor x, int out, int kernel, int stride) { return conv(x, out, kernel, stride, false, null); }

    private Tensor conv(Tensor x, int out, int kernel, int stride, boolean bias, String outputName) {
        String name = fresh("Conv");
        String output = outputName != null ? outputName : name;
        int pad = kernel / 2;
        int h = (x.height() + 2 * pad - kernel) / stride + 1, w = (x.width() + 2 * pad - kernel) / stride + 1;
        int fanIn = x.channels() * kernel * kernel;
        // He initialisation, like a freshly constructed network: activations keep a sensible scale.
        String weights = initializer(name + ".weight", gaussian(out * fanIn, Math.sqrt(2.0 / fanIn)), out, x.channels(), kernel, kernel);
        OnnxWriter node = OnnxWriter.of().string(1, x.name()).string(1, weights);
        if (bias) node.string(1, initializer(name + ".bias", new float[out], out));
        node.string(2, output).string(3, name).string(4, "Conv")
                .message(5, OnnxWriter.intsAttribute("kernel_shape", kernel, kernel))
                .message(5, OnnxWriter.intsAttribute("strides", stride, stride))
                .message(5, OnnxWriter.intsAttribute("pads", pad, pad, pad, pad));
        graph.message(1, node);
        macs += (long) out * h * w * fanIn;
        return new Tensor(output, out, h, w);
    }

    private Tensor bn(Tensor x, double gamma) {
        String name = fresh("BatchNormalization");
        int c = x.channels();
        float[] scale = new float[c], shift = new float[c], mean = new float[c], variance = new float[c];
        java.util.Arrays.fill(scale, (float) gamma);
        java.util.Arrays.fill(variance, 1f);
        String s = initializer(name + ".weight", scale, c), b = initializer(name + ".bias", shift, c);
        // Running statistics are buffers in PyTorch, not parameters: initializers, but not counted.
        long counted = parameters;
        String m = initializer(name + ".running_mean", mean, c), v = initializer(name + ".running_var", variance, c);
        parameters = counted;
        graph.message(1, OnnxWriter.of().string(1, x.name()).string(1, s).string(1, b).string(1, m).string(1, v)
                .string(2, name).string(3, name).string(4, "BatchNormalization"));
        return new Tensor(name, c, x.height(), x.width());
    }

    private Tensor relu(Tensor x) {
        String name = fresh("Relu");
        graph.message(1, OnnxWriter.of().string(1, x.name()).string(2, name).string(3, name).string(4, "Relu"));
        return new Tensor(name, x.channels(), x.height(), x.width());
    }

    private Tensor add(Tensor a, Tensor b) {
        if (a.channels() != b.channels() || a.height() != b.height() || a.width() != b.width()) {
            throw new IllegalStateException("cannot add " + a + " and " + b);
        }
        String name = fresh("Add");
        graph.message(1, OnnxWriter.of().string(1, a.name()).string(1, b.name()).string(2, name).string(3, name).string(4, "Add"));
        return new Tensor(name, a.channels(), a.height(), a.width());
    }

    private Tensor upsample(Tensor x, int factor) {
        String name = fresh("Resize");
        long counted = parameters;
        String scales = initializer(name + ".scales", new float[]{1, 1, factor, factor}, 4);
        parameters = counted;
        // nn.Upsample(scale_factor, mode='nearest') as torch.onnx exports it; "" is the absent roi input.
        graph.message(1, OnnxWriter.of().string(1, x.name()).string(1, "").string(1, scales).string(2, name).string(3, name)
                .string(4, "Resize")
                .message(5, OnnxWriter.stringAttribute("mode", "nearest"))
                .message(5, OnnxWriter.stringAttribute("coordinate_transformation_mode", "asymmetric"))
                .message(5, OnnxWriter.stringAttribute("nearest_mode", "floor")));
        return new Tensor(name, x.channels(), x.height() * factor, x.width() * factor);
    }

    private String initializer(String name, float[] values, long... dims) {
        long n = 1;
        for (long d : dims) n *= d;
        parameters += n;
        if (withWeights) graph.message(5, OnnxWriter.floatTensor(name, values, dims));
        return name;
    }

    private float[] gaussian(int n, double std) {
        if (!withWeights) return null;
        float[] values = new float[n];
        for (int i = 0; i < n; i++) values[i] = (float) (random.nextGaussian() * std);
        return values;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: RandomHrnetOnnx OUT.onnx [width=32] [seed=1]   (random weights: for speed tests only)");
            System.exit(5);
        }
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        Summary s = write(Path.of(args[0]), width, seed);
        System.out.printf(Locale.ROOT, "%s: HRNet-W%d architecture, RANDOM weights (seed %d): %,d parameters, %.2f GMACs, %d nodes%n",
                args[0], width, seed, s.parameters(), s.multiplyAccumulates() / 1e9, s.nodes());
    }
}
