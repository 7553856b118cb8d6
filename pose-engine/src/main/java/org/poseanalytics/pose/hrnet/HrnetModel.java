package org.poseanalytics.pose.hrnet;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.inference.Predictor;
import ai.djl.metric.Metrics;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.poseanalytics.pose.BoundingBox;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.image.RgbImage;

/**
 * User-supplied HRNet weights on DJL: TorchScript (.pt, .pth, .torchscript) on the PyTorch engine, ONNX
 * (.onnx) on ONNX Runtime; GPU when the engine sees one, else CPU. Boxes are run in batches of at most
 * {@code maxBatch}. Not thread-safe (one DJL predictor); make one per thread.
 */
public final class HrnetModel implements AutoCloseable {
    private final Path weights;
    private final HrnetConfig config;
    /** The web jar leaves PyTorch out by default (see the README's "Lean artifacts"). */
    private static final String LEAN_HINT = "; the web jar ships without PyTorch: export the weights to ONNX (.onnx) "
            + "or build the jar with -Pweb-pytorch";

    private final String engine;
    private final ZooModel<HrnetInput, HrnetOutput> model;
    private final Predictor<HrnetInput, HrnetOutput> predictor;
    private final Device device;
    private Metrics metrics = new Metrics();

    private HrnetModel(Path weights, HrnetConfig config, String engine, ZooModel<HrnetInput, HrnetOutput> model, Device device) {
        this.weights = weights;
        this.config = config;
        this.engine = engine;
        this.model = model;
        this.device = device;
        this.predictor = model.newPredictor();
        this.predictor.setMetrics(metrics);
    }

    /** The DJL engine for a weights file, from its extension. */
    public static String engineFor(Path weights) {
        String name = weights.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".onnx")) return "OnnxRuntime";
        if (name.endsWith(".pt") || name.endsWith(".pth") || name.endsWith(".torchscript")) return "PyTorch";
        throw new HrnetModelException("HRNet weights must be TorchScript (.pt) or ONNX (.onnx); cannot tell what "
                + weights.getFileName() + " is. See README, 'HRNet weights', for how to export them.");
    }

    /** Loads with the engine's own thread count (one per core). */
    public static HrnetModel load(Path weights, HrnetConfig config) {
        return load(weights, config, 0);
    }

    /**
     * @param threads inference threads on the CPU; 0 leaves the engine's default. ONNX Runtime takes it per model;
     *                PyTorch's pool is per process, so the last load's count holds for every PyTorch model.
     */
    public static HrnetModel load(Path weights, HrnetConfig config, int threads) {
        String engine = engineFor(weights);
        if (!Files.isRegularFile(weights)) throw new HrnetModelException("HRNet weights not found: " + weights);
        if (!Engine.hasEngine(engine)) throw new HrnetModelException("DJL engine " + engine + " is not in this build" + LEAN_HINT);
        boolean gpu = engine(engine).getGpuCount() > 0;
        // PyTorch's intra-op pool belongs to the process, not to a model: set it now, so each load (e.g. bench's
        // 1..N sweep) runs with the threads it asks for.
        if (threads > 0 && "PyTorch".equals(engine)) ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
        try {
            return new HrnetModel(weights, config, engine, load(weights, config, engine, gpu ? Device.gpu() : Device.cpu(), threads),
                    gpu ? Device.gpu() : Device.cpu());
        } catch (HrnetModelException e) {
            if (!gpu) throw e;
            // A GPU the engine counts but cannot run on (e.g. ONNX Runtime's CPU build beside a CUDA card): use the CPU.
            return new HrnetModel(weights, config, engine, load(weights, config, engine, Device.cpu(), threads), Device.cpu());
        }
    }

    /** The engine, started: its natives may be missing (another platform's build, no download offline). */
    private static Engine engine(String name) {
        try {
            return Engine.getEngine(name);
        } catch (EngineException | IllegalArgumentException e) {
            throw new HrnetModelException("DJL engine " + name + " cannot start: " + rootMessage(e) + LEAN_HINT, e);
        }
    }

    private static ZooModel<HrnetInput, HrnetOutput> load(Path weights, HrnetConfig config, String engine, Device device,
                                                          int threads) {
        var builder = Criteria.builder()
                .setTypes(HrnetInput.class, HrnetOutput.class)
                .optModelPath(weights.toAbsolutePath())
                .optEngine(engine)
                .optDevice(device)
                .optTranslator(new HrnetTranslator(config));
        if (threads > 0 && "OnnxRuntime".equals(engine)) {
            // One graph at a time per frame: all threads go inside the operators.
            builder.optOption("intraOpNumThreads", Integer.toString(threads)).optOption("interOpNumThreads", "1");
        }
        Criteria<HrnetInput, HrnetOutput> criteria = builder.build();
        try {
            return criteria.loadModel();
        } catch (ModelNotFoundException | MalformedModelException | IOException | EngineException e) {
            throw new HrnetModelException("cannot load HRNet weights " + weights + " with " + engine + ": " + rootMessage(e), e);
        } catch (RuntimeException e) {
            // Native engines report unreadable files as assorted runtime exceptions.
            throw new HrnetModelException("cannot load HRNet weights " + weights + " with " + engine + ": " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    /** A COCO-17 pose for each box, in order; boxes go through the model {@code maxBatch} at a time. */
    public List<PersonPose> estimate(RgbImage image, List<BoundingBox> boxes) {
        List<PersonPose> poses = new ArrayList<>(boxes.size());
        for (int from = 0; from < boxes.size(); from += config.maxBatch()) {
            List<BoundingBox> chunk = boxes.subList(from, Math.min(boxes.size(), from + config.maxBatch()));
            try {
                poses.addAll(predictor.predict(new HrnetInput(image, chunk)).poses());
            } catch (TranslateException e) {
                throw new HrnetModelException("HRNet inference failed on " + weights.getFileName() + ": " + rootMessage(e), e);
            }
        }
        return poses;
    }

    public String engine() { return engine; }

    public Device device() { return device; }

    public HrnetConfig config() { return config; }

    public Path weights() { return weights; }

    /** DJL's per-call timings (Preprocess, Inference, Postprocess, Prediction), for {@link HrnetBench}. */
    Metrics metrics() { return metrics; }

    void resetMetrics() {
        metrics = new Metrics();
        predictor.setMetrics(metrics);
    }

    public String description() {
        return "hrnet " + config.inputHeight() + "x" + config.inputWidth() + " (" + weights.getFileName() + ", " + engine
                + ", " + device + (config.flipTest() ? ", flip test" : "") + ")";
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}
