package org.poseanalytics.kinematics.keypoints;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
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
 *
 * <p>The file is read line by line twice: the frame must span every marker, so a first pass finds their extent (and
 * refuses a bad row) keeping no row, and the second turns each row into a frame as it goes.
 */
public final class TrcKeypoints implements KeypointReader {
    /** The margin around the markers' extent, so the frame is not cut at the outermost marker. */
    static final double MARGIN = 0.10;
    /** PathFileType, the DataRate keys and values, the marker names, the X1 Y1 Z1 line; the rows follow. */
    private static final int HEADER_LINES = 5;

    private final ImportOptions options;

    public TrcKeypoints(ImportOptions options) { this.options = options == null ? ImportOptions.NONE : options; }

    @Override
    public KeypointStream scan(Path path) throws KeypointFileException {
        String name = path.getFileName().toString();
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            List<String> head = new ArrayList<>();
            for (String line; head.size() < HEADER_LINES && (line = in.readLine()) != null; ) head.add(line);
            if (head.size() < HEADER_LINES || !head.get(0).startsWith("PathFileType"))
                throw KeypointFileException.unreadable(name + ": not a .trc marker file (it must start with a PathFileType line, then DataRate ... Units)");
            String[] keys = head.get(1).split("\t"), values = head.get(2).split("\t");
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
            String[] markers = head.get(3).split("\t", -1);
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
            Columns columns = new Columns(name, columnOf, toMm);
            Rows rows = new Rows(in, columns);

            // The frame spans every marker of every frame: a pass over the rows finds it, keeping none.
            double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY, minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
            boolean depth = false;
            int frames = 0;
            for (Row row; (row = rows.next()) != null; frames++)
                for (double[] p : row.points()) {
                    if (!present(p)) continue;
                    minX = Math.min(minX, p[0]); maxX = Math.max(maxX, p[0]); minY = Math.min(minY, p[1]); maxY = Math.max(maxY, p[1]);
                    depth |= p[2] != 0;
                }
            if (frames == 0) throw KeypointFileException.unreadable(name + ": no frames after the header");
            if (minX > maxX) throw KeypointFileException.unreadable(name + ": every marker is empty in every frame");
            double margin = MARGIN * Math.max(maxX - minX, maxY - minY);
            double left = minX - margin, top = maxY + margin;
            int width = (int) Math.ceil(maxX - minX + 2 * margin) + 1, height = (int) Math.ceil(maxY - minY + 2 * margin) + 1;

            List<String> notes = new ArrayList<>();
            if (!ignored.isEmpty()) notes.add("markers with no counterpart in our landmarks were left out: " + String.join(", ", ignored));
            notes.add("the image is the markers' X-Y plane at 1 px = 1 mm" + (depth ? "; Z gives world landmarks (3D angles)" : "; no depth: 2D angles only"));
            if (options.frameSize() != null) notes.add("--frame-size is not used for a .trc (it has no camera frame)");
            KeypointHeader header = new KeypointHeader(KeypointFormat.TRC, path, width, height, fps, frames);
            return new Frames(header, columns, landmarkOf, left, top, depth, markerLayout(landmarkOf.size(), ignored.size()), notes);
        } catch (IOException e) {
            throw unreadableText(name, e);
        }
    }

    /** The rows again, each a frame in the image the first pass laid out ({@code left}, {@code top}, with or without depth). */
    private record Frames(KeypointHeader header, Columns columns, List<Integer> landmarkOf, double left, double top, boolean depth,
                          String layout, List<String> notes) implements KeypointStream {
        @Override
        public KeypointSummary frames(Consumer<FramePoses> sink) throws KeypointFileException {
            KeypointSummary.Tally tally = new KeypointSummary.Tally(sink);
            try (BufferedReader in = Files.newBufferedReader(header.source(), StandardCharsets.UTF_8)) {
                for (int i = 0; i < HEADER_LINES; i++) in.readLine();
                Rows rows = new Rows(in, columns);
                Row row;
                for (int i = 0; (row = rows.next()) != null; i++) {
                    Keypoint[] k = Persons.missing();
                    WorldPoint[] w = depth ? Persons.missingWorld() : null;
                    double[][] points = row.points();
                    for (int m = 0; m < points.length; m++) {
                        double[] p = points[m];
                        if (!present(p)) continue;
                        int l = landmarkOf.get(m);
                        k[l] = new Keypoint(p[0] - left, top - p[1], 0, 1, 1);
                        if (w != null) w[l] = new WorldPoint(p[0] / 1000, -p[1] / 1000, -p[2] / 1000);
                    }
                    PersonPose person = Persons.of(k, w);
                    tally.accept(new FramePoses(i, row.timeS(), header.width(), header.height(), person == null ? List.of() : List.of(person)));
                }
            } catch (IOException e) {
                throw unreadableText(header.source().getFileName().toString(), e);
            }
            return tally.summary(header, layout, notes);
        }
    }

    /** One frame's row: its Time and per marker used [X, Y, Z] in mm, NaN when missing. */
    private record Row(double timeS, double[][] points) {}

    /** How the data rows are laid out: the columns of the markers used, their units. */
    private record Columns(String name, List<Integer> columnOf, double toMm) {}

    /** One pass over the data rows after the header, one at a time, with their line numbers for messages. */
    private static final class Rows {
        private final BufferedReader in;
        private final Columns columns;
        private int line = HEADER_LINES;

        Rows(BufferedReader in, Columns columns) {
            this.in = in;
            this.columns = columns;
        }

        /** The next row, blank lines skipped; null at the end. */
        Row next() throws IOException, KeypointFileException {
            for (String text; (text = in.readLine()) != null; ) {
                int number = ++line;
                if (text.isBlank()) continue;
                String[] f = text.split("\t", -1);
                if (f.length < 2) throw KeypointFileException.unreadable(columns.name() + ", line " + number + ": expected Frame#, Time and X, Y, Z per marker");
                List<Integer> columnOf = columns.columnOf();
                double[][] row = new double[columnOf.size()][];
                for (int m = 0; m < columnOf.size(); m++) {
                    int c = columnOf.get(m);
                    row[m] = new double[]{cell(f, c, columns.toMm()), cell(f, c + 1, columns.toMm()), cell(f, c + 2, columns.toMm())};
                }
                return new Row(parse(f[1], columns.name() + ", line " + number, "Time"), row);
            }
            return null;
        }
    }

    private static KeypointFileException unreadableText(String name, IOException e) {
        return new KeypointFileException(KeypointFileException.Kind.UNREADABLE, name + ": cannot read it as text (" + e.getMessage() + ")", e);
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
