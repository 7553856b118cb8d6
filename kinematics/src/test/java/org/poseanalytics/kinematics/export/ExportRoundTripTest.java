package org.poseanalytics.kinematics.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.KinematicsResult;
import org.poseanalytics.kinematics.KinematicsStage;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.angle.Dimension;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.repetition.RepetitionTruthTest;
import org.poseanalytics.tracking.series.KeypointSeries;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Writes every export and reads it back: structure per format, values equal to what was computed. */
class ExportRoundTripTest {
    private static final KeypointSeries SERIES = squats();
    private static final KinematicsResult RESULT = new KinematicsStage().analyze(SERIES, Exercise.SQUAT);

    private static KeypointSeries squats() {
        var s = new RepetitionTruthTest.Script(5).hold(0.5).move(0.8, 90).move(0.8, 5).hold(0.5).move(0.8, 90).move(0.8, 5).hold(0.5);
        // A gap at 1.0–1.2 s checks how each format writes missing values.
        return RepetitionTruthTest.squatsForExport(s);
    }

    @Test
    void anglesCsvHasFrameTimeAndOneColumnPerAngleWithUnits() throws Exception {
        StringWriter w = new StringWriter();
        AnglesCsv.write(RESULT.angles(), w);
        List<String> lines = w.toString().lines().toList();
        String[] header = lines.getFirst().split(",", -1);
        AngleTable t = RESULT.angles();
        assertThat(header[0]).isEqualTo("frame");
        assertThat(header[1]).isEqualTo("time_s");
        assertThat(header).contains("left_knee_flexion_deg", "left_knee_flexion_3d_deg", "trunk_lean_sagittal_deg", "left_knee_flexion_deg_per_s");
        assertThat(Arrays.stream(header).skip(2)).allMatch(h -> h.endsWith("_deg") || h.endsWith("_deg_per_s"));
        assertThat(lines).hasSize(t.length() + 1);
        int col = Arrays.asList(header).indexOf("right_knee_flexion_3d_deg");
        double[] truth = t.find("right_knee_flexion_3d_deg").orElseThrow().valuesDeg();
        for (int i = 0; i < t.length(); i++) {
            String[] cells = lines.get(i + 1).split(",", -1);
            assertThat(cells).hasSize(header.length);
            assertThat(Long.parseLong(cells[0])).isEqualTo(t.frames()[i]);
            if (Double.isFinite(truth[i])) assertThat(Double.parseDouble(cells[col])).isCloseTo(truth[i], within(1e-3));
            else assertThat(cells[col]).isEmpty();
        }
    }

    @Test
    void motHasTheOpenSimStorageHeaderAndTabSeparatedRows() throws Exception {
        for (Dimension dim : Dimension.values()) {
            StringWriter w = new StringWriter();
            MotWriter.write(RESULT.angles(), dim, "squat_angles", w);
            List<String> lines = w.toString().lines().toList();
            assertThat(lines.get(0)).isEqualTo("squat_angles");
            assertThat(lines.get(1)).isEqualTo("version=1");
            int nRows = Integer.parseInt(lines.get(2).substring("nRows=".length()));
            int nColumns = Integer.parseInt(lines.get(3).substring("nColumns=".length()));
            assertThat(lines.get(4)).isEqualTo("inDegrees=yes");
            int end = lines.indexOf("endheader");
            assertThat(end).isPositive();
            String[] labels = lines.get(end + 1).split("\t");
            assertThat(labels[0]).isEqualTo("time");
            assertThat(labels).hasSize(nColumns);
            assertThat(Arrays.stream(labels).skip(1)).allMatch(l -> dim == Dimension.WORLD_3D ? l.endsWith("_3d_deg") : !l.contains("_3d_"));
            assertThat(lines.size() - end - 2).isEqualTo(nRows).isEqualTo(RESULT.angles().length());
            int knee = Arrays.asList(labels).indexOf("left_knee_flexion" + dim.suffix() + "_deg");
            double[] truth = RESULT.angles().find("left_knee_flexion" + dim.suffix() + "_deg").orElseThrow().valuesDeg();
            for (int i = 0; i < nRows; i++) {
                String[] cells = lines.get(end + 2 + i).split("\t");
                assertThat(cells).hasSize(nColumns);
                assertThat(Double.parseDouble(cells[0])).isCloseTo(RESULT.angles().timesS()[i], within(1e-6));
                double v = Double.parseDouble(cells[knee]); // "NaN" parses too
                if (Double.isFinite(truth[i])) assertThat(v).isCloseTo(truth[i], within(1e-3));
                else assertThat(v).isNaN();
            }
        }
    }

    @Test
    void trcHasPathFileType4HeaderMarkerNamesAxesAndMillimetres() throws Exception {
        StringWriter w = new StringWriter();
        TrcWriter.write(SERIES, TrcWriter.Units.WORLD_MM, 0, 0, "squat.trc", w);
        List<String> lines = w.toString().lines().toList();
        assertThat(lines.get(0)).startsWith("PathFileType\t4\t(X/Y/Z)\tsquat.trc");
        assertThat(lines.get(1).split("\t")).containsExactly("DataRate", "CameraRate", "NumFrames", "NumMarkers", "Units", "OrigDataRate", "OrigDataStartFrame", "OrigNumFrames");
        String[] values = lines.get(2).split("\t");
        assertThat(Double.parseDouble(values[0])).isCloseTo(30, within(0.5));
        assertThat(Integer.parseInt(values[2])).isEqualTo(SERIES.length());
        assertThat(Integer.parseInt(values[3])).isEqualTo(33);
        assertThat(values[4]).isEqualTo("mm");
        String[] names = lines.get(3).split("\t", -1);
        assertThat(names[0]).isEqualTo("Frame#");
        assertThat(names[2]).isEqualTo("nose");
        assertThat(names[2 + 3 * 25]).isEqualTo("left_knee");
        String[] axes = lines.get(4).split("\t", -1);
        assertThat(axes[2]).isEqualTo("X1");
        assertThat(axes[2 + 3 * 32 + 2]).isEqualTo("Z33");
        int knee = 25, ankle = 27;
        for (int i = 0; i < SERIES.length(); i++) {
            String[] cells = lines.get(6 + i).split("\t", -1);
            assertThat(cells).hasSize(2 + 3 * 33);
            assertThat(Integer.parseInt(cells[0])).isEqualTo(i + 1);
            if (SERIES.isGap(knee, i)) { assertThat(cells[2 + 3 * knee]).isEmpty(); continue; }
            // Y up in mm: the knee is above the ankle, and the shank length is preserved.
            double ky = Double.parseDouble(cells[3 + 3 * knee]), ay = Double.parseDouble(cells[3 + 3 * ankle]);
            assertThat(ky).isGreaterThan(ay);
            double dx = Double.parseDouble(cells[2 + 3 * knee]) - Double.parseDouble(cells[2 + 3 * ankle]);
            double dz = Double.parseDouble(cells[4 + 3 * knee]) - Double.parseDouble(cells[4 + 3 * ankle]);
            assertThat(Math.sqrt(dx * dx + (ky - ay) * (ky - ay) + dz * dz)).isCloseTo(420, within(0.5));
        }
    }

    @Test
    void trcFromPixelsUsesTheSubjectHeight() throws Exception {
        // The synthetic person standing: nose height above the ground, plus the 7% the rule assumes above the nose.
        var standing = org.poseanalytics.kinematics.synthetic.SyntheticBody.grounded(org.poseanalytics.kinematics.synthetic.SyntheticBody.build(
                org.poseanalytics.kinematics.synthetic.BodyPose.neutral(), 0, new org.poseanalytics.kinematics.angle.Vec3(0, 1, 0)));
        double height = standing[0].y() * 1.07;
        double scale = TrcWriter.metresPerPixel(SERIES, height);
        assertThat(1 / scale).as("px per m (drawn at 600)").isCloseTo(600, within(6.0));
        StringWriter w = new StringWriter();
        TrcWriter.write(SERIES, TrcWriter.Units.IMAGE_M, scale, 1280, "squat.trc", w);
        List<String> lines = w.toString().lines().toList();
        assertThat(lines.get(2).split("\t")[4]).isEqualTo("m");
        String[] first = lines.get(6).split("\t", -1);
        // Standing in the first frame: the nose is about its standing height above the ankle, in metres, Y up.
        double noseY = Double.parseDouble(first[3]), ankleY = Double.parseDouble(first[3 + 3 * 27]);
        assertThat(noseY - ankleY).isCloseTo(standing[0].y() - standing[27].y(), within(0.02));
    }

    @Test
    void summaryPartsSerialiseAsDesignSays() {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode node = json.readTree(json.writeValueAsString(RESULT.summary()));
        assertThat(node.get("exercise").get("id").asString()).isEqualTo("squat");
        assertThat(node.get("exercise").get("guessed").asBoolean()).isFalse();
        JsonNode reps = node.get("repetitions");
        assertThat(reps.size()).isEqualTo(2);
        for (JsonNode rep : reps) {
            assertThat(rep.get("startS").asDouble()).isLessThan(rep.get("peakS").asDouble());
            assertThat(rep.get("romDeg").asDouble()).isCloseTo(85, within(1.0));
            assertThat(rep.get("angles").get("left_knee_flexion_3d_rom").get("unit").asString()).isEqualTo("deg");
        }
        JsonNode metrics = node.get("metrics");
        assertThat(metrics.get("repetition_count").get("value").asDouble()).isEqualTo(2);
        assertThat(metrics.get("repetition_count").get("unit").asString()).isEqualTo("count");
        assertThat(metrics.get("left_knee_flexion_3d_rom_mean").get("value").asDouble()).isCloseTo(85, within(1.0));
    }
}
