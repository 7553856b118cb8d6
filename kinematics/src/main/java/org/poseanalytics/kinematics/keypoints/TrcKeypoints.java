package org.poseanalytics.kinematics.keypoints;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.poseanalytics.kinematics.keypoints.layout.BodyParts;
import org.poseanalytics.pose.FramePoses;
import org.poseanalytics.pose.Keypoint;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.WorldPoint;

/**
 * An OpenSim marker file (.trc) of one person, as Sports2D and Pose2Sim write it and as our {@code keypoints.trc} is:
 * a header with DataRate and Units (m or mm), a line of marker names, then Frame#, Time and X, Y, Z per marker (Y up);
 * an empty or NaN field is a missing marker. Names map to ours by {@link BodyParts#fromMarker} (our snake-case names or
 * OpenPose's); others (Neck, Hip, Head, ...) are left out and named in a note.
 *
 * <p>A .trc has no camera, so the "image" the analysis measures on is the X–Y plane seen from +Z at 1 px = 1 mm: x = X,
 * y = top − Y (pixels grow downward), over a frame that spans every marker of every frame with a 10 % margin (so
 * out-of-frame checks never fire; {@code --frame-size} is not used). 2D angles are those in the X–Y plane. When the
 * markers have depth (some Z not 0, as Pose2Sim's triangulated ones), they also become world landmarks in metres in
 * BlazePose's axes (x, −y, −z), which gives the 3D angles. The frame rate is DataRate; time is the Time column.
 */
public final class TrcKeypoints implements KeypointReader {
    /** The margin around the markers' extent, so the frame is not cut at the outermost marker. */
    static final double MARGIN = 0.10;

    private final ImportOptions options;

    public TrcKeypoints(ImportOptions options) { this.options = options == null ? ImportOptions.NONE : options; }

    @Override
    public ImportedKeypoints read(Path path) throws KeypointFileException {
        String name = path.getFileName().toString();
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw KeypointFileException.unreadable(name + ": cannot read it as text (" + e.getMessage() + ")");
        }
        if (lines.size() < 5 || !lines.get(0).startsWith("PathFileType"))
            throw KeypointFileException.unreadable(name + ": not a .trc marker file (it must start with a PathFileType line, then DataRate ... Units)");
        String[] keys = lines.get(1).split("\t"), values = lines.get(2).split("\t");
        Double rate = null;
        String units = null;
        for (int i = 0; i < keys.length && i < values.length; i++) {
            String key = keys[i].trim();
            if (key.equals("DataRate")) rate = parse(values[i], name, "DataRate");
            if (key.equals("Units")) units = values[i].trim().toLowerCase(Locale.ROOT);
        }
        double toMm = switch (units == null ? "" : units) {
            case "mm" -> 1;
            case "m" -> 1000;
            case "cm" -> 10;
            default -> throw KeypointFileException.unreadable(name + ": Units must be m, cm or mm, got '" + units + "'");
        };
        double fps = options.fpsOr(rate, "TRC");
        String[] markers = lines.get(3).split("\t", -1);
        // Marker names stand at columns 2, 5, 8, ... (each followed by two empty cells for Y and Z).
        List<Integer> columnOf = new ArrayList<>(), landmarkOf = new ArrayList<>();
        Set<String> ignored = new LinkedHashSet<>();
        for (int c = 2; c < markers.length; c++) {
            String m = markers[c].trim();
            if (m.isEmpty()) continue;
            int ours = BodyParts.fromMarker(m).orElse(-1);
            if (ours < 0) { ignored.add(m); continue; }
            columnOf.add(c);
            landmarkOf.add(ours);
        }
        if (columnOf.isEmpty())
            throw KeypointFileException.unreadable(name + ": none of its markers (" + String.join(", ", ignored) + ") is a body keypoint we know; see docs/KEYPOINTS.md for the names");

        List<double[]> times = new ArrayList<>();
        List<double[][]> rows = new ArrayList<>(); // [marker][X, Y, Z] in mm, NaN when missing
        for (int li = 5; li < lines.size(); li++) {
            String line = lines.get(li);
            if (line.isBlank()) continue;
            String[] f = line.split("\t", -1);
            if (f.length < 2) throw KeypointFileException.unreadable(name + ", line " + (li + 1) + ": expected Frame#, Time and X, Y, Z per marker");
            double[][] row = new double[columnOf.size()][];
            for (int m = 0; m < columnOf.size(); m++) {
                int c = columnOf.get(m);
                row[m] = new double[]{cell(f, c, toMm), cell(f, c + 1, toMm), cell(f, c + 2, toMm)};
            }
            times.add(new double[]{parse(f[1], name + ", line " + (li + 1), "Time")});
            rows.add(row);
        }
        if (rows.isEmpty()) throw KeypointFileException.unreadable(name + ": no frames after the header");

        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY, minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        boolean depth = false;
        for (double[][] row : rows)
            for (double[] p : row) {
                if (!present(p)) continue;
                minX = Math.min(minX, p[0]); maxX = Math.max(maxX, p[0]); minY = Math.min(minY, p[1]); maxY = Math.max(maxY, p[1]);
                depth |= p[2] != 0;
            }
        if (minX > maxX) throw KeypointFileException.unreadable(name + ": every marker is empty in every frame");
        double margin = MARGIN * Math.max(maxX - minX, maxY - minY);
        double left = minX - margin, top = maxY + margin;
        int width = (int) Math.ceil(maxX - minX + 2 * margin) + 1, height = (int) Math.ceil(maxY - minY + 2 * margin) + 1;

        List<FramePoses> frames = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Keypoint[] k = Persons.missing();
            WorldPoint[] w = depth ? Persons.missingWorld() : null;
            double[][] row = rows.get(i);
            for (int m = 0; m < row.length; m++) {
                double[] p = row[m];
                if (!present(p)) continue;
                int l = landmarkOf.get(m);
                k[l] = new Keypoint(p[0] - left, top - p[1], 0, 1, 1);
                if (w != null) w[l] = new WorldPoint(p[0] / 1000, -p[1] / 1000, -p[2] / 1000);
            }
            PersonPose person = Persons.of(k, w);
            frames.add(new FramePoses(i, times.get(i)[0], width, height, person == null ? List.of() : List.of(person)));
        }
        List<String> notes = new ArrayList<>();
        if (!ignored.isEmpty()) notes.add("markers with no counterpart in our landmarks were left out: " + String.join(", ", ignored));
        notes.add("the image is the markers' X-Y plane at 1 px = 1 mm" + (depth ? "; Z gives world landmarks (3D angles)" : "; no depth: 2D angles only"));
        if (options.frameSize() != null) notes.add("--frame-size is not used for a .trc (it has no camera frame)");
        return new ImportedKeypoints(KeypointFormat.TRC, markerLayout(landmarkOf.size(), ignored.size()), path, width, height, fps, frames, notes);
    }

    private static String markerLayout(int used, int ignored) {
        return used + " markers" + (ignored > 0 ? " (" + ignored + " not used)" : "");
    }

    private static boolean present(double[] p) { return Double.isFinite(p[0]) && Double.isFinite(p[1]); }

    private static double cell(String[] f, int c, double toMm) {
        if (c >= f.length || f[c].isBlank()) return Double.NaN;
        try {
            return Double.parseDouble(f[c].trim()) * toMm;
        } catch (NumberFormatException e) {
            return Double.NaN; // "NaN", "nan" and other non-numbers: a missing marker, as OpenSim reads them
        }
    }

    private static double parse(String text, String where, String what) throws KeypointFileException {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw KeypointFileException.unreadable(where + ": " + what + " is not a number ('" + text.trim() + "')");
        }
    }
}
