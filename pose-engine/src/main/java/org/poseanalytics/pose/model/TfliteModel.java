package org.poseanalytics.pose.model;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.tensorflowlite.BuiltinOpResolver;
import org.bytedeco.tensorflowlite.FlatBufferModel;
import org.bytedeco.tensorflowlite.Interpreter;
import org.bytedeco.tensorflowlite.InterpreterBuilder;
import org.bytedeco.tensorflowlite.TfLiteTensor;
import org.bytedeco.tensorflowlite.global.tensorflowlite;

/**
 * One TFLite model with its interpreter (XNNPACK on by default in this build). Input and output tensors are
 * exposed as float buffers over the interpreter's own memory, so callers write inputs and read outputs without
 * copies. Not thread-safe: one invocation at a time.
 */
public final class TfliteModel implements AutoCloseable {
    private final String name;
    private final BytePointer bytes; // the flatbuffer must outlive the model built over it
    private final FlatBufferModel model;
    private final BuiltinOpResolver resolver;
    private final Interpreter interpreter;

    private TfliteModel(String name, byte[] content, int threads) {
        this.name = name;
        this.bytes = new BytePointer(content.length);
        bytes.put(content, 0, content.length);
        this.model = FlatBufferModel.BuildFromBuffer(bytes, content.length);
        if (model == null || model.isNull()) throw new IllegalStateException(name + " is not a valid TFLite model");
        this.resolver = new BuiltinOpResolver();
        // new Interpreter() crashes the JVM in these presets; build into an empty wrapper instead.
        this.interpreter = new Interpreter((Pointer) null);
        InterpreterBuilder builder = new InterpreterBuilder(model, resolver);
        builder.SetNumThreads(Math.max(1, threads));
        if (builder.apply(interpreter) != tensorflowlite.kTfLiteOk || interpreter.isNull()) {
            throw new IllegalStateException("cannot build a TFLite interpreter for " + name);
        }
        if (interpreter.AllocateTensors() != tensorflowlite.kTfLiteOk) {
            throw new IllegalStateException("cannot allocate tensors for " + name);
        }
    }

    public static TfliteModel load(String name, byte[] content, int threads) {
        return new TfliteModel(name, content, threads);
    }

    public String name() { return name; }

    public int[] inputShape(int i) { return shape(interpreter.input_tensor(i)); }

    public int[] outputShape(int i) { return shape(interpreter.output_tensor(i)); }

    /** The i-th input tensor's memory; valid until the model is closed. */
    public FloatBuffer input(int i) {
        return interpreter.typed_input_tensor_float(i).capacity(elements(interpreter.input_tensor(i))).asBuffer();
    }

    /** The i-th output tensor's memory; refreshed by each {@link #invoke()}. */
    public FloatBuffer output(int i) {
        return interpreter.typed_output_tensor_float(i).capacity(elements(interpreter.output_tensor(i))).asBuffer();
    }

    /**
     * The index, among the first {@code outputs} outputs, of the one with this many elements: outputs are told
     * apart by size because their order differs between model versions.
     */
    public int outputWithElements(long count, int outputs) {
        for (int i = 0; i < outputs; i++) if (elements(interpreter.output_tensor(i)) == count) return i;
        throw new IllegalStateException(name + " has no output with " + count + " elements");
    }

    public void invoke() {
        if (interpreter.Invoke() != tensorflowlite.kTfLiteOk) throw new IllegalStateException(name + ": inference failed");
    }

    private static long elements(TfLiteTensor t) {
        long n = 1;
        for (int d : shape(t)) n *= d;
        return n;
    }

    private static int[] shape(TfLiteTensor t) {
        int rank = t.dims().size();
        int[] s = new int[rank];
        for (int i = 0; i < rank; i++) s[i] = t.dims().data(i);
        return s;
    }

    @Override
    public void close() {
        interpreter.close();
        resolver.close();
        model.close();
        bytes.close();
    }
}
