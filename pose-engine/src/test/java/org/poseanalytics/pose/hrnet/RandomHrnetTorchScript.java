package org.poseanalytics.pose.hrnet;

import java.io.IOException;
import java.nio.file.Path;
import org.poseanalytics.pose.hrnet.RandomHrnet.Tensor;

/**
 * DEVELOPMENT TOOL: {@link RandomHrnet} as TorchScript through {@link TorchScriptWriter}, one flat module whose
 * forward is what scripting or tracing {@code pose_hrnet.py} in eval mode gives: {@code torch.conv2d},
 * {@code torch.batch_norm} (eval mode, running statistics, not folded), {@code torch.relu}, {@code torch.add} and
 * {@code torch.upsample_nearest2d}. Conv weights are parameters; BN γ, β are parameters and its running statistics
 * plain tensor attributes, so the parameter count is the ONNX file's.
 */
final class RandomHrnetTorchScript implements RandomHrnet.Layers {
    private final TorchScriptWriter ts = new TorchScriptWriter("poseanalytics", "RandomHrnet", RandomHrnet.input().name());

    private RandomHrnetTorchScript() {}

    static RandomHrnet.Summary write(Path file, int width, long seed) throws IOException {
        RandomHrnetTorchScript writer = new RandomHrnetTorchScript();
        RandomHrnet.Built built = RandomHrnet.build(width, seed, writer);
        writer.ts.write(file, built.heatmaps().name());
        return built.summary();
    }

    @Override
    public void conv(Tensor in, Tensor out, int kernel, int stride, int pad, float[] weight, float[] bias) {
        String w = ts.parameter(out.name() + "_weight", weight, out.channels(), in.channels(), kernel, kernel);
        String b = bias == null ? "None" : ts.parameter(out.name() + "_bias", bias, out.channels());
        ts.assign(out.name(), "torch.conv2d(" + in.name() + ", " + w + ", " + b + ", [" + stride + ", " + stride + "], ["
                + pad + ", " + pad + "], [1, 1], 1)");
    }

    @Override
    public void batchNorm(Tensor in, Tensor out, float[] gamma, float[] beta, float[] mean, float[] variance) {
        int c = in.channels();
        String n = out.name();
        String g = ts.parameter(n + "_weight", gamma, c), b = ts.parameter(n + "_bias", beta, c);
        String m = ts.buffer(n + "_running_mean", mean, c), v = ts.buffer(n + "_running_var", variance, c);
        // (input, weight, bias, running_mean, running_var, training, momentum, eps, cudnn_enabled)
        ts.assign(n, "torch.batch_norm(" + in.name() + ", " + g + ", " + b + ", " + m + ", " + v + ", False, 0.1, "
                + TorchScriptWriter.floatLiteral(RandomHrnet.BN_EPSILON) + ", True)");
    }

    @Override
    public void relu(Tensor in, Tensor out) {
        ts.assign(out.name(), "torch.relu(" + in.name() + ")");
    }

    @Override
    public void add(Tensor a, Tensor b, Tensor out) {
        ts.assign(out.name(), "torch.add(" + a.name() + ", " + b.name() + ")");
    }

    @Override
    public void upsampleNearest(Tensor in, Tensor out, int factor) {
        // nn.Upsample(scale_factor=f, mode='nearest'): output size from the scale factors, source pixel floor(i / f).
        String f = TorchScriptWriter.floatLiteral(factor);
        ts.assign(out.name(), "torch.upsample_nearest2d(" + in.name() + ", None, [" + f + ", " + f + "])");
    }
}
