package org.poseanalytics.pose.hrnet;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Just enough protobuf to write an ONNX ModelProto by hand (field numbers from onnx.proto3), so tests can
 * build small models without Python.
 */
final class OnnxWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    byte[] bytes() { return out.toByteArray(); }

    private void varint(long v) {
        while ((v & ~0x7FL) != 0) { out.write((int) ((v & 0x7F) | 0x80)); v >>>= 7; }
        out.write((int) v);
    }

    OnnxWriter integer(int field, long v) { varint((long) field << 3); varint(v); return this; }

    OnnxWriter bytes(int field, byte[] b) { varint(((long) field << 3) | 2); varint(b.length); out.writeBytes(b); return this; }

    OnnxWriter string(int field, String s) { return bytes(field, s.getBytes(StandardCharsets.UTF_8)); }

    OnnxWriter message(int field, OnnxWriter m) { return bytes(field, m.bytes()); }

    static OnnxWriter of() { return new OnnxWriter(); }

    int size() { return out.size(); }

    static OnnxWriter stringAttribute(String name, String value) {
        return of().string(1, name).string(4, value).integer(20, 3); // type STRING
    }

    /**
     * Writes a ModelProto around {@code graph} straight to a file, without copying the graph's bytes into
     * one more array (a full-size network's weights are ~100 MB).
     */
    static void writeModel(Path file, OnnxWriter graph, String producer, int opset) throws IOException {
        OnnxWriter head = of().integer(1, 7).string(2, producer);
        head.varint((7L << 3) | 2);
        head.varint(graph.size());
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            head.out.writeTo(os);
            graph.out.writeTo(os);
            of().message(8, of().string(1, "").integer(2, opset)).out.writeTo(os);
        }
    }

    // --- ONNX messages ---

    static OnnxWriter intsAttribute(String name, long... values) {
        OnnxWriter a = of().string(1, name).integer(20, 7); // type INTS
        for (long v : values) a.integer(8, v);
        return a;
    }

    static OnnxWriter floatTensor(String name, float[] data, long... dims) {
        OnnxWriter t = of();
        for (long d : dims) t.integer(1, d);
        t.integer(2, 1); // FLOAT
        t.string(8, name);
        ByteBuffer raw = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : data) raw.putFloat(f);
        return t.bytes(9, raw.array());
    }

    /** A float tensor value with its first dimension symbolic ("N") and the rest fixed. */
    static OnnxWriter floatValue(String name, long... fixedDims) {
        OnnxWriter shape = of().message(1, of().string(2, "N"));
        for (long d : fixedDims) shape.message(1, of().integer(1, d));
        OnnxWriter tensorType = of().integer(1, 1).message(2, shape);
        return of().string(1, name).message(2, of().message(1, tensorType));
    }

    /**
     * A model with a single Conv node: input N×3×H×W, weights K×3×kh×kw, bias K, the given strides and pads.
     */
    static byte[] convModel(int height, int width, float[] weights, float[] bias, int k, int kernel, int stride, int pad) {
        OnnxWriter node = of().string(1, "input").string(1, "W").string(1, "B").string(2, "heatmaps")
                .string(3, "conv").string(4, "Conv")
                .message(5, intsAttribute("kernel_shape", kernel, kernel))
                .message(5, intsAttribute("strides", stride, stride))
                .message(5, intsAttribute("pads", pad, pad, pad, pad));
        int outH = (height + 2 * pad - kernel) / stride + 1, outW = (width + 2 * pad - kernel) / stride + 1;
        OnnxWriter graph = of().message(1, node).string(2, "test-hrnet")
                .message(5, floatTensor("W", weights, k, 3, kernel, kernel))
                .message(5, floatTensor("B", bias, k))
                .message(11, floatValue("input", 3, height, width))
                .message(12, floatValue("heatmaps", k, outH, outW));
        return of().integer(1, 7).string(2, "pose-analytics-test").message(7, graph)
                .message(8, of().string(1, "").integer(2, 13)).bytes();
    }
}
