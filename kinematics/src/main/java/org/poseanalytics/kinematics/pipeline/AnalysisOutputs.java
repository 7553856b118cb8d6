package org.poseanalytics.kinematics.pipeline;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.poseanalytics.kinematics.angle.Dimension;
import org.poseanalytics.kinematics.export.AngleQualityCsv;
import org.poseanalytics.kinematics.export.AnglesCsv;
import org.poseanalytics.kinematics.export.C3dWriter;
import org.poseanalytics.kinematics.export.OpenPoseJsonWriter;
import org.poseanalytics.kinematics.export.MotWriter;
import org.poseanalytics.kinematics.export.TrcWriter;
import org.poseanalytics.tracking.FilteredSeries;
import org.poseanalytics.tracking.point.PointsCsv;
import org.poseanalytics.tracking.series.KeypointSeries;
import org.poseanalytics.tracking.series.KeypointsCsv;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an analysis into a folder as the command-line contract names the files. Each file is written to a
 * temporary name first and moved into place, so a folder never holds half a file.
 */
public final class AnalysisOutputs {
    public static final String KEYPOINTS = "keypoints.csv";
    public static final String SUBJECT = "subject_keypoints.csv";
    public static final String ANGLES = "angles.csv";
    public static final String ANGLE_QUALITY = "angle_quality.csv";
    public static final String SUMMARY = "summary.json";
    public static final String POINTS = "points.csv";
    public static final String MOT_2D = "angles_2d.mot";
    public static final String MOT_3D = "angles_3d.mot";
    public static final String TRC = "keypoints.trc";
    public static final String TRC_WORLD = "keypoints_world.trc";
    /** The same markers as keypoints.trc, as C3D (docs/KEYPOINTS.md). */
    public static final String C3D = "keypoints.c3d";
    /** Every tracked person in OpenPose's BODY_25 layout (docs/KEYPOINTS.md). */
    public static final String OPENPOSE_JSON = "keypoints.json";
    /** Without world landmarks a .trc in metres needs a scale; an adult's typical stature is a fair default. */
    public static final double DEFAULT_SUBJECT_HEIGHT_M = 1.70;

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private AnalysisOutputs() {}

    /** Writes every output and returns the files written, in order. */
    public static List<Path> write(AnalysisResult r, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        written.add(atomically(dir.resolve(KEYPOINTS), w -> KeypointsCsv.write(w, r.tracks())));
        written.add(atomically(dir.resolve(OPENPOSE_JSON), w -> OpenPoseJsonWriter.write(r.tracks(), frameRate(r), r.video().width(), r.video().height(), w)));
        if (r.hasSubject()) {
            written.add(atomically(dir.resolve(SUBJECT), w -> SubjectCsv.write(w, r.subject().filtered())));
            written.add(atomically(dir.resolve(ANGLES), w -> AnglesCsv.write(r.kinematics().angles(), w)));
            written.add(atomically(dir.resolve(ANGLE_QUALITY), w -> AngleQualityCsv.write(r.kinematics().angles(), w)));
            written.add(atomically(dir.resolve(MOT_2D), w -> MotWriter.write(r.kinematics().angles(), Dimension.IMAGE_2D, "angles_2d", w)));
            if (r.kinematics().angles().has3d()) {
                written.add(atomically(dir.resolve(MOT_3D), w -> MotWriter.write(r.kinematics().angles(), Dimension.WORLD_3D, "angles_3d", w)));
            }
            written.addAll(trc(r, dir));
        }
        if (!r.points().isEmpty()) written.add(atomically(dir.resolve(POINTS), w -> PointsCsv.write(w, r.points(), r.scale().metresPerPx())));
        written.add(atomically(dir.resolve(SUMMARY), w -> JSON.writeValue(w, AnalysisSummary.of(r))));
        return written;
    }

    /**
     * keypoints.trc: with a scale, the image positions in metres from it (real translation, in the image plane); without
     * one, BlazePose's world landmarks in mm (hip-centred), or with no world landmarks the image scaled by a typical
     * adult's height. With a scale and world landmarks these go to keypoints_world.trc as well.
     */
    private static List<Path> trc(AnalysisResult r, Path dir) throws IOException {
        KeypointSeries series = r.subject().filtered().series();
        double imageHeight = r.video().height();
        List<Path> out = new ArrayList<>();
        TrcWriter.Units units;
        double metresPerPx = 0;
        if (r.scale().known()) {
            units = TrcWriter.Units.IMAGE_M;
            metresPerPx = r.scale().metresPerPx();
        } else if (series.hasWorld()) {
            units = TrcWriter.Units.WORLD_MM;
        } else {
            units = TrcWriter.Units.IMAGE_M;
            metresPerPx = TrcWriter.metresPerPixel(series, DEFAULT_SUBJECT_HEIGHT_M);
        }
        double s = metresPerPx;
        out.add(atomically(dir.resolve(TRC), w -> TrcWriter.write(series, units, s, imageHeight, TRC, w)));
        // A longer video (over 36 minutes at 30 fps) has no .c3d rather than no outputs at all; the .trc holds every frame.
        if (series.length() <= C3dWriter.MAX_FRAMES)
            out.add(atomicallyBinary(dir.resolve(C3D), o -> C3dWriter.write(series, units, s, imageHeight, o)));
        if (r.scale().known() && series.hasWorld())
            out.add(atomically(dir.resolve(TRC_WORLD), w -> TrcWriter.write(series, TrcWriter.Units.WORLD_MM, 0, 0, TRC_WORLD, w)));
        return out;
    }

    /** The frames per second of the input: the stream's nominal rate, else the median of the timestamps. */
    private static double frameRate(AnalysisResult r) {
        return r.video().nominalFps() > 0 ? r.video().nominalFps() : TrcWriter.rate(r.tracks().timesS());
    }

    public static String summaryJson(AnalysisResult r) { return JSON.writeValueAsString(AnalysisSummary.of(r)); }

    /** What writes one file's bytes. */
    public interface BinaryBody {
        void write(java.io.OutputStream o) throws IOException;
    }

    /** As {@link #atomically} for a binary file. */
    public static Path atomicallyBinary(Path file, BinaryBody body) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (java.io.OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
            body.write(o);
        }
        return Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** What writes one file's text. */
    public interface Body {
        void write(Writer w) throws IOException;
    }

    /** Writes to FILE.part, then moves it into place: a reader never sees half a file (also for other commands' outputs). */
    public static Path atomically(Path file, Body body) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            body.write(w);
        }
        return Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The subject's filtered series: per landmark x, y, z, visibility and a state, so a reader can tell measured
     * values from interpolated ones and unknown stretches (empty cells).
     */
    static final class SubjectCsv {
        private SubjectCsv() {}

        static void write(Writer w, FilteredSeries f) throws IOException {
            KeypointSeries s = f.series();
            StringBuilder line = new StringBuilder("frame,time_s");
            for (String name : s.skeleton().names()) {
                line.append(',').append(name).append("_x_px,").append(name).append("_y_px,").append(name).append("_z,")
                        .append(name).append("_visibility,").append(name).append("_state");
            }
            w.write(line.append('\n').toString());
            for (int i = 0; i < s.length(); i++) {
                line.setLength(0);
                line.append(s.frames()[i]).append(',').append(KeypointsCsv.num(s.timesS()[i], 4));
                for (int k = 0; k < s.skeleton().size(); k++) {
                    boolean gap = s.isGap(k, i);
                    line.append(',').append(gap ? "" : KeypointsCsv.num(s.x().get(k, i), 2))
                            .append(',').append(gap ? "" : KeypointsCsv.num(s.y().get(k, i), 2))
                            .append(',').append(gap ? "" : KeypointsCsv.num(s.z().get(k, i), 2))
                            .append(',').append(KeypointsCsv.num(s.visibility().get(k, i), 3))
                            .append(',').append(gap ? "gap" : f.isInterpolated(k, i) ? "interpolated" : "measured");
                }
                w.write(line.append('\n').toString());
            }
        }
    }
}
