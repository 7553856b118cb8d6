package org.poseanalytics.pose.hrnet;

import java.io.IOException;
import java.nio.file.Path;
import org.poseanalytics.pose.hrnet.RandomHrnet.Tensor;

/**
 * DEVELOPMENT TOOL: {@link RandomHrnet} as ONNX, layers as PyTorch's exporter writes them: Conv, BatchNormalization,
 * Relu, Add and nearest-neighbour Resize (asymmetric, floor). Opset 13.
 */
final class RandomHrnetOnnx implements RandomHrnet.Layers {
    private final OnnxWriter graph = OnnxWriter.of();

    private RandomHrnetOnnx() {}

    static RandomHrnet.Summary write(Path file, int width, long seed) throws IOException {
        RandomHrnetOnnx onnx = new RandomHrnetOnnx();
        RandomHrnet.Built built = RandomHrnet.build(width, seed, onnx);
        Tensor in = RandomHrnet.input(), out = built.heatmaps();
        onnx.graph.string(2, "hrnet_w" + width + "_random")
                .message(11, OnnxWriter.floatValue(in.name(), in.channels(), in.height(), in.width()))
                .message(12, OnnxWriter.floatValue(out.name(), out.channels(), out.height(), out.width()));
        OnnxWriter.writeModel(file, onnx.graph, "pose-analytics RandomHrnet (random weights, speed tests only)", 13);
        return built.summary();
    }

    @Override
    public void conv(Tensor in, Tensor out, int kernel, int stride, int pad, float[] weight, float[] bias) {
        OnnxWriter node = OnnxWriter.of().string(1, in.name()).string(1, initializer(out.name() + ".weight", weight, out.channels(), in.channels(), kernel, kernel));
        if (bias != null) node.string(1, initializer(out.name() + ".bias", bias, out.channels()));
        graph.message(1, node.string(2, out.name()).string(3, out.name()).string(4, "Conv")
                .message(5, OnnxWriter.intsAttribute("kernel_shape", kernel, kernel))
                .message(5, OnnxWriter.intsAttribute("strides", stride, stride))
                .message(5, OnnxWriter.intsAttribute("pads", pad, pad, pad, pad)));
    }

    @Override
    public void batchNorm(Tensor in, Tensor out, float[] gamma, float[] beta, float[] mean, float[] variance) {
        int c = in.channels();
        String n = out.name();
        graph.message(1, OnnxWriter.of().string(1, in.name()).string(1, initializer(n + ".weight", gamma, c))
                .string(1, initializer(n + ".bias", beta, c)).string(1, initializer(n + ".running_mean", mean, c))
                .string(1, initializer(n + ".running_var", variance, c))
                // ONNX's default epsilon is RandomHrnet.BN_EPSILON (1e-5), as in PyTorch.
                .string(2, n).string(3, n).string(4, "BatchNormalization"));
    }

    @Override
    public void relu(Tensor in, Tensor out) {
        graph.message(1, OnnxWriter.of().string(1, in.name()).string(2, out.name()).string(3, out.name()).string(4, "Relu"));
    }

    @Override
    public void add(Tensor a, Tensor b, Tensor out) {
        graph.message(1, OnnxWriter.of().string(1, a.name()).string(1, b.name()).string(2, out.name()).string(3, out.name()).string(4, "Add"));
    }

    @Override
    public void upsampleNearest(Tensor in, Tensor out, int factor) {
        String scales = initializer(out.name() + ".scales", new float[]{1, 1, factor, factor}, 4);
        // nn.Upsample(scale_factor, mode='nearest') as torch.onnx exports it; "" is the absent roi input.
        graph.message(1, OnnxWriter.of().string(1, in.name()).string(1, "").string(1, scales).string(2, out.name()).string(3, out.name())
                .string(4, "Resize")
                .message(5, OnnxWriter.stringAttribute("mode", "nearest"))
                .message(5, OnnxWriter.stringAttribute("coordinate_transformation_mode", "asymmetric"))
                .message(5, OnnxWriter.stringAttribute("nearest_mode", "floor")));
    }

    private String initializer(String name, float[] values, long... dims) {
        graph.message(5, OnnxWriter.floatTensor(name, values, dims));
        return name;
    }
}
