package org.poseanalytics.kinematics.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * The subject's markers as a C3D file (the biomechanics labs' binary marker format, read by Visual3D, Mokka, OpenSim's
 * C3D adapter, ezc3d, btk): the same positions as the .trc ({@link TrcWriter#position}, OpenSim's axes, Y up), in mm or m
 * as the .trc. No Java C3D library is kept up on Maven Central, so this is a small writer of the format's one required
 * layout, checked by reading it back with {@link C3dReader}:
 * <ul>
 *   <li>block 1, the header (256 little-endian 16-bit words): word 1 = 2 (parameters start at block 2) and key 0x50,
 *       points per frame, 0 analog channels, first and last frame, max interpolation gap 0, scale −1.0 (a negative scale
 *       means 32-bit float data), the data's first block, 0 analog samples per frame, the frame rate (float);</li>
 *   <li>blocks 2…, the parameters: a 4-byte header (0, 0x50, number of parameter blocks, processor 84 = Intel), then
 *       groups POINT and ANALOG and their parameters (name, group id, offset to the next item, type −1 char / 2 int16 / 4
 *       float, dimensions, data, description); POINT holds USED, FRAMES, DATA_START, SCALE, RATE, UNITS, LABELS,
 *       DESCRIPTIONS (our landmark names), ANALOG USED = 0 and RATE;</li>
 *   <li>then per frame and marker X, Y, Z and a residual as floats: residual 0 for a measured marker, −1 (and the
 *       coordinates 0) for a gap, as the format marks invalid points.</li>
 * </ul>
 */
public final class C3dWriter {
    /** The format's frame count is a 16-bit field read as unsigned: 36 minutes at 30 fps. */
    public static final int MAX_FRAMES = 65535;

    static final int BLOCK = 512;
    static final int KEY = 0x50;
    static final int INTEL = 84;
    static final int GROUP_POINT = 1, GROUP_ANALOG = 2;

    private C3dWriter() {}

    public static void write(KeypointSeries s, TrcWriter.Units units, double metresPerPixel, double imageHeightPx, OutputStream out) throws IOException {
        if (units != TrcWriter.Units.IMAGE_M && !s.hasWorld()) throw new IllegalArgumentException("a C3D in mm needs world landmarks; this series has none (use IMAGE_M)");
        int n = s.length(), k = s.skeleton().size();
        if (n > MAX_FRAMES) throw new IllegalArgumentException("a C3D file holds at most 65535 frames; this series has " + n);
        float rate = (float) TrcWriter.rate(s.timesS());

        byte[] params = parameters(s.skeleton().names(), n, rate, TrcWriter.unit(units), 0);
        int paramBlocks = (params.length + BLOCK - 1) / BLOCK;
        int dataStart = 2 + paramBlocks;
        params = parameters(s.skeleton().names(), n, rate, TrcWriter.unit(units), dataStart); // the same length: DATA_START is a fixed-size int16

        ByteBuffer header = le(BLOCK);
        header.put(0, (byte) 2).put(1, (byte) KEY);
        header.putShort(2, (short) k);
        header.putShort(4, (short) 0);
        header.putShort(6, (short) 1);
        header.putShort(8, (short) Math.min(n, 32767)); // the header's word is signed; POINT:FRAMES carries the real count
        header.putShort(10, (short) 0);
        header.putFloat(12, -1f);
        header.putShort(16, (short) dataStart);
        header.putShort(18, (short) 0);
        header.putFloat(20, rate);
        out.write(header.array());

        ByteBuffer p = le(paramBlocks * BLOCK);
        p.put((byte) 0).put((byte) KEY).put((byte) paramBlocks).put((byte) INTEL);
        p.put(params);
        out.write(p.array());

        ByteBuffer data = le(((n * k * 16) + BLOCK - 1) / BLOCK * BLOCK);
        for (int i = 0; i < n; i++)
            for (int m = 0; m < k; m++) {
                double[] xyz = TrcWriter.position(s, units, metresPerPixel, imageHeightPx, m, i);
                boolean valid = Double.isFinite(xyz[0]) && Double.isFinite(xyz[1]) && Double.isFinite(xyz[2]);
                data.putFloat(valid ? (float) xyz[0] : 0f).putFloat(valid ? (float) xyz[1] : 0f).putFloat(valid ? (float) xyz[2] : 0f)
                        .putFloat(valid ? 0f : -1f);
            }
        out.write(data.array());
    }

    /** The groups and parameters after the 4-byte parameter header. */
    private static byte[] parameters(List<String> labels, int frames, float rate, String unit, int dataStart) {
        Params p = new Params(64 * 1024 + labels.size() * 64);
        p.group("POINT", GROUP_POINT, "3D point parameters");
        p.int16(GROUP_POINT, "USED", labels.size(), "number of markers");
        p.int16(GROUP_POINT, "FRAMES", frames, "number of frames"); // read as unsigned up to 65535
        p.int16(GROUP_POINT, "DATA_START", dataStart, "first block of point data");
        p.float32(GROUP_POINT, "SCALE", -1f, "negative: float data");
        p.float32(GROUP_POINT, "RATE", rate, "frames per second");
        p.chars(GROUP_POINT, "UNITS", List.of(unit), "marker units");
        p.chars(GROUP_POINT, "LABELS", labels, "marker names");
        p.chars(GROUP_POINT, "DESCRIPTIONS", labels.stream().map(l -> "pose-analytics " + l).toList(), "");
        p.group("ANALOG", GROUP_ANALOG, "analog parameters");
        p.int16(GROUP_ANALOG, "USED", 0, "no analog channels");
        p.float32(GROUP_ANALOG, "RATE", rate, "");
        return p.bytes();
    }

    /** The parameter section being written: each item's "offset to the next", the last one 0 (the end of the section). */
    private static final class Params {
        private final ByteBuffer b;
        private int lastOffsetAt = -1;

        Params(int capacity) { b = le(capacity); }

        void group(String name, int id, String description) { item(name, -id, () -> {}, description); }

        void int16(int group, String name, int value, String description) {
            item(name, group, () -> b.put((byte) 2).put((byte) 0).putShort((short) value), description);
        }

        void float32(int group, String name, float value, String description) {
            item(name, group, () -> b.put((byte) 4).put((byte) 0).putFloat(value), description);
        }

        /** A 2-D char array: strings padded with spaces to the longest. */
        void chars(int group, String name, List<String> values, String description) {
            int width = Math.max(1, values.stream().mapToInt(String::length).max().orElse(1));
            item(name, group, () -> {
                b.put((byte) -1).put((byte) 2).put((byte) width).put((byte) values.size());
                for (String v : values) {
                    byte[] text = v.getBytes(StandardCharsets.US_ASCII);
                    b.put(text);
                    for (int i = text.length; i < width; i++) b.put((byte) ' ');
                }
            }, description);
        }

        /** name length, id (negative for a group), name, offset to the next item (from this field), the body, the description. */
        private void item(String name, int id, Runnable body, String description) {
            byte[] n = name.getBytes(StandardCharsets.US_ASCII), d = description.getBytes(StandardCharsets.US_ASCII);
            b.put((byte) n.length).put((byte) id).put(n);
            lastOffsetAt = b.position();
            b.putShort((short) 0);
            body.run();
            b.put((byte) d.length).put(d);
            b.putShort(lastOffsetAt, (short) (b.position() - lastOffsetAt));
        }

        byte[] bytes() {
            if (lastOffsetAt >= 0) b.putShort(lastOffsetAt, (short) 0);
            byte[] out = new byte[b.position()];
            b.flip();
            b.get(out);
            return out;
        }
    }

    private static ByteBuffer le(int size) { return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN); }
}
