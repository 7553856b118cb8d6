package org.poseanalytics.pose.hrnet;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * DEVELOPMENT TOOL, NOT PART OF THE PRODUCT: writes a TorchScript archive (what {@code torch.jit.save} writes and
 * libtorch's {@code torch::jit::load} reads) without PyTorch, so tests and benchmarks can run the DJL PyTorch path
 * on models built here. One module class, all its tensors as direct attributes, and a straight-line {@code forward}
 * given as TorchScript statements. Only float32 CPU tensors.
 *
 * <p>The archive is a zip whose entries all sit in one folder ({@code <name>/}):
 * <ul>
 *   <li>{@code data.pkl}: the module object as a protocol-2 pickle: the class as GLOBAL {@code __torch__.<pkg> <Class>},
 *       built by NEWOBJ and filled by BUILD from a dict of its attributes; each tensor is
 *       {@code torch._utils._rebuild_tensor_v2(storage, offset, size, stride, requires_grad, OrderedDict())} whose
 *       storage is a persistent id {@code ('storage', torch.FloatStorage, key, 'cpu', numel)};</li>
 *   <li>{@code code/__torch__/<pkg>.py}: the class in TorchScript: {@code __parameters__}, one type annotation per
 *       attribute ({@code training : bool} included: every module has it, and {@code Module::eval()} sets it), and
 *       {@code forward};</li>
 *   <li>{@code data/<key>}: each storage's raw little-endian floats, stored uncompressed and 64-byte aligned as
 *       PyTorch's own writer aligns them (so they could be memory-mapped);</li>
 *   <li>{@code constants.pkl} (an empty tuple: no tensor constants in the code), {@code version} (3, the lowest
 *       version PyTorch writes; no operator used here was ever upgraded) and {@code byteorder} ({@code little}).</li>
 * </ul>
 * Buffers (e.g. BatchNorm running statistics) are written as plain tensor attributes, which is how scripted
 * modules of older PyTorch versions store them and how every version loads them.
 */
final class TorchScriptWriter {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int ALIGNMENT = 64;

    /** One tensor attribute of the module: a parameter (trainable) or a plain attribute (e.g. running statistics). */
    private record Attribute(String name, float[] values, long[] shape, boolean parameter) {}

    private final String pkg;
    private final String className;
    private final String inputName;
    private final List<Attribute> attributes = new ArrayList<>();
    private final StringBuilder forward = new StringBuilder();

    /**
     * @param pkg       the class lives in {@code __torch__.<pkg>} (file {@code code/__torch__/<pkg>.py})
     * @param className the module's class name
     * @param inputName the name of {@code forward}'s single tensor argument
     */
    TorchScriptWriter(String pkg, String className, String inputName) {
        this.pkg = identifier(pkg);
        this.className = identifier(className);
        this.inputName = identifier(inputName);
    }

    /** Adds a parameter; returns how the forward code refers to it ({@code self.<name>}). */
    String parameter(String name, float[] values, long... shape) {
        return attribute(new Attribute(identifier(name), values, shape.clone(), true));
    }

    /** Adds a tensor attribute that is not a parameter (a buffer); returns {@code self.<name>}. */
    String buffer(String name, float[] values, long... shape) {
        return attribute(new Attribute(identifier(name), values, shape.clone(), false));
    }

    private String attribute(Attribute a) {
        long n = 1;
        for (long d : a.shape()) n *= d;
        if (a.values().length != n) {
            throw new IllegalArgumentException(a.name() + ": " + a.values().length + " values for shape " + java.util.Arrays.toString(a.shape()));
        }
        if (a.name().equals("training") || attributes.stream().anyMatch(b -> b.name().equals(a.name()))) {
            throw new IllegalArgumentException("attribute " + a.name() + " exists already");
        }
        attributes.add(a);
        return "self." + a.name();
    }

    /** {@code <target> = <expression>}, one statement of forward, in order. */
    void assign(String target, String expression) {
        forward.append("    ").append(identifier(target)).append(" = ").append(expression).append('\n');
    }

    /** Writes the archive, {@code forward} returning {@code result}. */
    void write(Path file, String result) throws IOException {
        String archive = archiveName(file);
        try (CountingStream counting = new CountingStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20));
             ZipOutputStream zip = new ZipOutputStream(counting)) {
            Entries entries = new Entries(zip, counting, archive);
            entries.put("data.pkl", dataPickle());
            entries.put("code/__torch__/" + pkg + ".py", source(result).getBytes(StandardCharsets.UTF_8));
            entries.put("constants.pkl", new Pickle().emptyTuple().stop());
            for (int i = 0; i < attributes.size(); i++) entries.put("data/" + i, littleEndian(attributes.get(i).values()));
            entries.put("version", "3\n".getBytes(StandardCharsets.US_ASCII));
            entries.put("byteorder", "little".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** The TorchScript source of the class, as PyTorch's printer lays it out. */
    String source(String result) {
        StringBuilder s = new StringBuilder("class ").append(className).append("(Module):\n");
        s.append("  __parameters__ = [");
        for (Attribute a : attributes) if (a.parameter()) s.append('"').append(a.name()).append("\", ");
        s.append("]\n");
        for (Attribute a : attributes) s.append("  ").append(a.name()).append(" : Tensor\n");
        s.append("  training : bool\n");
        s.append("  def forward(self: __torch__.").append(pkg).append('.').append(className).append(",\n");
        s.append("    ").append(inputName).append(": Tensor) -> Tensor:\n");
        s.append(forward);
        s.append("    return ").append(identifier(result)).append('\n');
        return s.toString();
    }

    /** The module object: {@code __torch__.<pkg>.<Class>} built from the dict of its attributes. */
    private byte[] dataPickle() {
        Pickle p = new Pickle().global("__torch__." + pkg, className).emptyTuple().newObj().emptyDict().mark();
        for (int i = 0; i < attributes.size(); i++) {
            Attribute a = attributes.get(i);
            p.unicode(a.name());
            tensor(p, a, Integer.toString(i));
        }
        // Saved in eval mode; DJL calls eval() on load anyway.
        p.unicode("training").bool(false);
        return p.setItems().build().stop();
    }

    private static void tensor(Pickle p, Attribute a, String key) {
        p.global("torch._utils", "_rebuild_tensor_v2").mark();
        p.mark().unicode("storage").global("torch", "FloatStorage").unicode(key).unicode("cpu").integer(a.values().length)
                .tuple().binPersId();
        p.integer(0);
        p.mark();
        for (long d : a.shape()) p.integer(d);
        p.tuple();
        p.mark();
        long stride = 1;
        long[] strides = new long[a.shape().length];
        for (int i = strides.length - 1; i >= 0; i--) { strides[i] = stride; stride *= a.shape()[i]; }
        for (long s : strides) p.integer(s);
        p.tuple();
        p.bool(a.parameter());
        p.global("collections", "OrderedDict").emptyTuple().reduce();
        p.tuple().reduce();
    }

    private static byte[] littleEndian(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return b.array();
    }

    private static String archiveName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot > 0) name = name.substring(0, dot);
        name = name.replaceAll("[^A-Za-z0-9_]", "_");
        return name.isEmpty() ? "archive" : name;
    }

    private static String identifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) throw new IllegalArgumentException("not a TorchScript identifier: " + name);
        return name;
    }

    /** Stored (uncompressed) zip entries whose data starts on a 64-byte boundary, padded through the extra field. */
    private record Entries(ZipOutputStream zip, CountingStream counting, String archive) {
        private static final int LOCAL_HEADER = 30, EXTRA_HEADER = 4, PADDING_ID = 0x4246;

        void put(String name, byte[] data) throws IOException {
            String full = archive + "/" + name;
            ZipEntry e = new ZipEntry(full);
            e.setMethod(ZipEntry.STORED);
            e.setSize(data.length);
            e.setCompressedSize(data.length);
            CRC32 crc = new CRC32();
            crc.update(data);
            e.setCrc(crc.getValue());
            // A fixed DOS time: reproducible files, and no extended-timestamp field that would move the data.
            e.setTime(315532800000L + 86_400_000L * 366);
            zip.flush();
            long start = counting.count() + LOCAL_HEADER + full.getBytes(StandardCharsets.UTF_8).length + EXTRA_HEADER;
            int pad = (int) ((ALIGNMENT - start % ALIGNMENT) % ALIGNMENT);
            ByteBuffer extra = ByteBuffer.allocate(EXTRA_HEADER + pad).order(ByteOrder.LITTLE_ENDIAN);
            extra.putShort((short) PADDING_ID).putShort((short) pad);
            e.setExtra(extra.array());
            zip.putNextEntry(e);
            zip.write(data);
            zip.closeEntry();
        }
    }

    /** Counts bytes on their way to the file, to know where the next entry's data will start. */
    private static final class CountingStream extends FilterOutputStream {
        private long count;

        CountingStream(OutputStream out) { super(out); }

        long count() { return count; }

        @Override public void write(int b) throws IOException { out.write(b); count++; }

        @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); count += len; }
    }

    /** The few pickle protocol-2 opcodes the TorchScript unpickler needs here. */
    static final class Pickle {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Pickle() { out.write(0x80); out.write(2); } // PROTO 2

        Pickle global(String module, String name) {
            out.write('c');
            out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        Pickle mark() { out.write('('); return this; }

        Pickle tuple() { out.write('t'); return this; }

        Pickle emptyTuple() { out.write(')'); return this; }

        Pickle emptyDict() { out.write('}'); return this; }

        Pickle newObj() { out.write(0x81); return this; }

        Pickle setItems() { out.write('u'); return this; }

        Pickle build() { out.write('b'); return this; }

        Pickle reduce() { out.write('R'); return this; }

        Pickle binPersId() { out.write('Q'); return this; }

        Pickle bool(boolean v) { out.write(v ? 0x88 : 0x89); return this; }

        Pickle integer(long v) {
            if (v >= 0 && v < 256) {
                out.write('K'); out.write((int) v);
            } else if (v >= 0 && v < 65536) {
                out.write('M'); out.write((int) (v & 0xff)); out.write((int) (v >>> 8));
            } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                out.write('J');
                out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array());
            } else {
                out.write(0x8a); out.write(8); // LONG1, 8 bytes two's complement
                out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
            }
            return this;
        }

        Pickle unicode(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.write('X');
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array());
            out.writeBytes(b);
            return this;
        }

        byte[] stop() { out.write('.'); return out.toByteArray(); }
    }

    /** Float formatting TorchScript reads back exactly (a float literal, never an int). */
    static String floatLiteral(double v) {
        String s = String.format(Locale.ROOT, "%.17g", v);
        return s.contains(".") || s.contains("e") ? s : s + ".";
    }
}
