package org.poseanalytics.kinematics.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the point data of a C3D file as {@link C3dWriter} writes it and as the format defines it for Intel processors
 * (little-endian; integer or float data by the sign of POINT:SCALE): the labels, rate, units and every marker per frame
 * (NaN where the residual marks it invalid). It is here to check the writer against the format, not as an import.
 */
public final class C3dReader {

    /** What a C3D file holds: marker names, frames per second, units, and positions [frame][marker][x, y, z]. */
    public record C3d(List<String> labels, double rate, String units, int firstFrame, double[][][] points, Map<String, Integer> parameterTypes) {}

    private C3dReader() {}

    public static C3d read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.limit() < 1024 || b.get(1) != 0x50) throw new IOException(file.getFileName() + ": not a C3D file (no key 0x50 in the header)");
        int paramBlock = b.get(0) & 0xff;
        int pointsPerFrame = b.getShort(2) & 0xffff;
        int first = b.getShort(6) & 0xffff;
        float scale = b.getFloat(12);
        int dataStart = b.getShort(16) & 0xffff;
        double headerRate = b.getFloat(20);
        int p = (paramBlock - 1) * C3dWriter.BLOCK;
        if (b.get(p + 1) != 0x50) throw new IOException(file.getFileName() + ": the parameter section has no key 0x50");
        if ((b.get(p + 3) & 0xff) != C3dWriter.INTEL) throw new IOException(file.getFileName() + ": only Intel (little-endian) C3D files are read here");
        Map<Integer, String> groups = new HashMap<>();
        Map<String, Object> params = new HashMap<>();
        Map<String, Integer> types = new HashMap<>();
        int at = p + 4;
        while (true) {
            int nameLength = Math.abs(b.get(at));
            int id = b.get(at + 1);
            if (nameLength == 0) break;
            String name = new String(b.array(), at + 2, nameLength, StandardCharsets.US_ASCII);
            int offsetAt = at + 2 + nameLength;
            int next = b.getShort(offsetAt);
            if (id < 0) groups.put(-id, name);
            else {
                int q = offsetAt + 2;
                int type = b.get(q), dims = b.get(q + 1) & 0xff;
                int[] dim = new int[dims];
                int count = 1;
                for (int d = 0; d < dims; d++) { dim[d] = b.get(q + 2 + d) & 0xff; count *= dim[d]; }
                int data = q + 2 + dims;
                String key = groups.getOrDefault(id, "?" + id) + ":" + name;
                types.put(key, type);
                params.put(key, switch (type) {
                    case -1 -> strings(b, data, dims == 0 ? 1 : dim[0], dims < 2 ? 1 : count / dim[0]);
                    case 2 -> (double) b.getShort(data);
                    case 4 -> (double) b.getFloat(data);
                    default -> (double) b.get(data);
                });
            }
            if (next == 0) break;
            at = offsetAt + next;
        }
        int used = params.get("POINT:USED") instanceof Double d ? d.intValue() : pointsPerFrame;
        int frames = params.get("POINT:FRAMES") instanceof Double d ? d.intValue() & 0xffff : (b.getShort(8) & 0xffff) - first + 1;
        double pointScale = params.get("POINT:SCALE") instanceof Double d ? d : scale;
        double rate = params.get("POINT:RATE") instanceof Double d ? d : headerRate;
        int start = params.get("POINT:DATA_START") instanceof Double d ? d.intValue() : dataStart;
        @SuppressWarnings("unchecked") List<String> labels = params.get("POINT:LABELS") instanceof List<?> l ? (List<String>) l : List.of();
        @SuppressWarnings("unchecked") List<String> units = params.get("POINT:UNITS") instanceof List<?> l ? (List<String>) l : List.of("");
        boolean floats = pointScale < 0;
        double[][][] points = new double[frames][used][3];
        int pos = (start - 1) * C3dWriter.BLOCK;
        for (int i = 0; i < frames; i++)
            for (int m = 0; m < used; m++) {
                double x, y, z, residual;
                if (floats) {
                    x = b.getFloat(pos); y = b.getFloat(pos + 4); z = b.getFloat(pos + 8); residual = b.getFloat(pos + 12);
                    pos += 16;
                } else {
                    x = b.getShort(pos) * pointScale; y = b.getShort(pos + 2) * pointScale; z = b.getShort(pos + 4) * pointScale; residual = b.getShort(pos + 6);
                    pos += 8;
                }
                points[i][m] = residual < 0 ? new double[]{Double.NaN, Double.NaN, Double.NaN} : new double[]{x, y, z};
            }
        return new C3d(labels, rate, units.isEmpty() ? "" : units.getFirst(), first, points, types);
    }

    private static List<String> strings(ByteBuffer b, int at, int width, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(new String(b.array(), at + i * width, width, StandardCharsets.US_ASCII).trim());
        return out;
    }
}
