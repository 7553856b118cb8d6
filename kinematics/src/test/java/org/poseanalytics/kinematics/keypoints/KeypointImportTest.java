package org.poseanalytics.kinematics.keypoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.kinematics.angle.AngleSeries;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.export.C3dReader;
import org.poseanalytics.kinematics.export.TrcWriter;
import org.poseanalytics.kinematics.pipeline.AnalysisException;
import org.poseanalytics.kinematics.pipeline.AnalysisOutputs;
import org.poseanalytics.kinematics.pipeline.AnalysisPipeline;
import org.poseanalytics.kinematics.pipeline.AnalysisProgress;
import org.poseanalytics.kinematics.pipeline.AnalysisRequest;
import org.poseanalytics.kinematics.pipeline.AnalysisResult;
import org.poseanalytics.kinematics.pipeline.AnalysisSummary;
import org.poseanalytics.kinematics.pipeline.PoseSource;
import org.poseanalytics.kinematics.repetition.Repetition;
import org.poseanalytics.pose.testing.Fixtures;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * Keypoints made elsewhere go through the same tracking and kinematics as a video's: known synthetic squats in OpenPose's
 * layout (with a bystander), round trips through our own exports, MediaPipe's reference output of the shared squat, and
 * the one-line messages for files that cannot be analysed.
 */
class KeypointImportTest {
    @TempDir Path tmp;

    /** BODY_25 index → BlazePose index, written out here (not taken from the code under test). */
    private static final int[][] BODY_25_TO_BLAZEPOSE = {
            {0, 0}, {2, 12}, {3, 14}, {4, 16}, {5, 11}, {6, 13}, {7, 15}, {9, 24}, {10, 26}, {11, 28}, {12, 23}, {13, 25},
            {14, 27}, {15, 5}, {16, 2}, {17, 8}, {18, 7}, {19, 31}, {21, 29}, {22, 32}, {24, 30}};

    private static AnalysisResult run(PoseSource source, Path input) throws AnalysisException {
        return new AnalysisPipeline(source).run(AnalysisRequest.of(input).withExercise(Exercise.SQUAT), AnalysisProgress.NONE);
    }

    private static double[] angle(AnalysisResult r, String column) {
        return r.kinematics().angles().find(column).map(AngleSeries::valuesDeg).orElseThrow(() -> new AssertionError("no " + column));
    }

    /** An OpenPose --write_json folder: per frame the bystander first on odd frames, Neck/MidHip/small toes 0 as we have none. */
    private Path openPoseFolder(boolean bystander) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("openpose"));
        double[][][][] images = SyntheticSquatters.images(bystander);
        for (int i = 0; i < images.length; i++) {
            StringBuilder json = new StringBuilder("{\"version\":1.3,\"people\":[");
            for (int p = 0; p < images[i].length; p++) {
                double[][] person = images[i][(p + i) % images[i].length];
                double[] k = new double[75];
                for (int[] m : BODY_25_TO_BLAZEPOSE) {
                    k[3 * m[0]] = person[m[1]][0];
                    k[3 * m[0] + 1] = person[m[1]][1];
                    k[3 * m[0] + 2] = 0.85;
                }
                if (p > 0) json.append(',');
                json.append("{\"person_id\":[-1],\"pose_keypoints_2d\":[");
                for (int j = 0; j < 75; j++) json.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3f", k[j]));
                json.append("],\"face_keypoints_2d\":[],\"hand_left_keypoints_2d\":[]}");
            }
            Files.writeString(dir.resolve(String.format(Locale.ROOT, "squat_%012d_keypoints.json", i)), json.append("]}"));
        }
        return dir;
    }

    @Test
    void openPoseFolderWithTwoPeoplePicksTheSquatterAndMeasuresTheTruth() throws Exception {
        Path dir = openPoseFolder(true);
        KeypointReader reader = KeypointReader.forPath(dir, null, new ImportOptions(30.0, new FrameSize(1280, 960), null));
        assertThat(reader).isInstanceOf(OpenPoseKeypoints.class);
        AnalysisResult r = run(reader, dir);

        assertThat(r.tracks().trackIds()).hasSize(2);
        // The chosen subject is the squatter in the middle, not the bystander at the edge listed first half the time.
        var subject = r.subject().filtered().series();
        int hip = subject.skeleton().indexOf("left_hip");
        assertThat(subject.x().get(hip, 100)).isBetween(600f, 680f);
        List<Repetition> reps = r.kinematics().repetitions();
        assertThat(reps).hasSize(3);
        double[] knee = angle(r, "left_knee_flexion_deg");
        double worst = 0;
        for (int i = 15; i < SyntheticSquatters.FRAMES - 15; i++) worst = Math.max(worst, Math.abs(knee[i] - SyntheticSquatters.kneeTruth(i)));
        System.out.printf(Locale.ROOT, "OpenPose BODY_25 import: left knee flexion within %.3f deg of the truth%n", worst);
        assertThat(worst).isLessThan(1.0);
        // BODY_25 has heels and big toes: the ankle is measured too.
        assertThat(r.kinematics().angles().find("left_ankle_dorsiflexion_deg").map(AngleSeries::validCount).orElse(0)).isPositive();

        AnalysisSummary s = AnalysisSummary.of(r);
        assertThat(s.source().kind()).isEqualTo("keypoints");
        assertThat(s.source().format()).isEqualTo("openpose");
        assertThat(s.source().layout()).isEqualTo("BODY_25");
        assertThat(s.source().description()).contains("OpenPose BODY_25").contains("270 frames").contains("2 people");
        assertThat(s.video().width()).isEqualTo(1280);
        assertThat(s.video().frames()).isEqualTo(270);
    }

    @Test
    void openPoseKeypointsThatWereNotFoundStayMissing() throws Exception {
        Path dir = openPoseFolder(false);
        ImportedKeypoints k = new OpenPoseKeypoints(new ImportOptions(30.0, new FrameSize(1280, 960), null)).read(dir);
        var pose = k.frames().get(0).persons().get(0);
        for (String never : List.of("left_eye_inner", "mouth_left", "left_pinky", "left_index", "left_thumb"))
            assertThat(pose.keypoint(BodyParts().indexOf(never)).isMissing()).as(never).isTrue();
        assertThat(pose.keypoint(BodyParts().indexOf("left_heel")).isMissing()).isFalse();
        assertThat(k.layout()).isEqualTo("BODY_25");
        assertThat(k.frames().get(12).timeS()).isEqualTo(12 / 30.0);
    }

    private static org.poseanalytics.pose.skeleton.Skeleton BodyParts() { return org.poseanalytics.kinematics.keypoints.layout.BodyParts.SKELETON; }

    @Test
    void ourKeypointsJsonRoundTripGivesTheSameAnglesAndRepetitions() throws Exception {
        AnalysisResult direct = run(SyntheticSquatters.source(true), tmp.resolve("synthetic.mp4"));
        Path out = tmp.resolve("out");
        AnalysisOutputs.write(direct, out);
        Path json = out.resolve(AnalysisOutputs.OPENPOSE_JSON);
        assertThat(KeypointFormat.detect(json)).isEqualTo(KeypointFormat.OPENPOSE);
        // fps and frame size come from the file: no options needed.
        AnalysisResult back = run(KeypointReader.forPath(json, null, ImportOptions.NONE), json);
        double worst = sameAngles(direct.kinematics().angles(), back.kinematics().angles(), false);
        System.out.printf(Locale.ROOT, "keypoints.json round trip: largest 2D angle difference %.5f deg%n", worst);
        assertThat(worst).isLessThan(0.1);
        sameRepetitions(direct, back);
        assertThat(back.subject().choice().trackId()).isEqualTo(direct.subject().choice().trackId());
    }

    @Test
    void trcRoundTripOfTheRawSeriesGivesTheSameAnglesAndRepetitions() throws Exception {
        AnalysisResult direct = run(SyntheticSquatters.source(false), tmp.resolve("synthetic.mp4"));
        Path trc = tmp.resolve("raw.trc");
        TrcWriter.write(direct.subject().raw(), TrcWriter.Units.IMAGE_M, 0.0035, SyntheticSquatters.HEIGHT, "raw.trc", trc);
        AnalysisResult back = run(KeypointReader.forPath(trc, null, ImportOptions.NONE), trc);
        double worst = sameAngles(direct.kinematics().angles(), back.kinematics().angles(), false);
        System.out.printf(Locale.ROOT, "TRC round trip (raw series): largest 2D angle difference %.5f deg%n", worst);
        assertThat(worst).isLessThan(0.1);
        sameRepetitions(direct, back);

        // The analysis's own keypoints.trc is already filtered; importing it filters once more.
        Path out = tmp.resolve("out");
        AnalysisOutputs.write(direct, out);
        AnalysisResult twice = run(KeypointReader.forPath(out.resolve(AnalysisOutputs.TRC), null, ImportOptions.NONE), out.resolve(AnalysisOutputs.TRC));
        double filteredTwice = sameAngles(direct.kinematics().angles(), twice.kinematics().angles(), false);
        System.out.printf(Locale.ROOT, "TRC round trip (keypoints.trc, filtered twice): largest 2D angle difference %.4f deg%n", filteredTwice);
        assertThat(filteredTwice).isLessThan(1.0);
        sameRepetitions(direct, twice);
    }

    /** Largest difference over every angle column both have (2D only unless asked), NaN in the same samples. */
    private static double sameAngles(AngleTable a, AngleTable b, boolean with3d) {
        double worst = 0;
        int compared = 0;
        for (AngleSeries s : a.series()) {
            if (!with3d && s.column().contains("_3d")) continue;
            AngleSeries t = b.find(s.column()).orElseThrow(() -> new AssertionError("no " + s.column() + " after the round trip"));
            assertThat(t.valuesDeg()).hasSameSizeAs(s.valuesDeg());
            for (int i = 0; i < s.length(); i++) {
                double x = s.valueDeg(i), y = t.valueDeg(i);
                if (Double.isNaN(x) || Double.isNaN(y)) {
                    assertThat(Double.isNaN(x)).as(s.column() + " sample " + i + " known on one side only").isEqualTo(Double.isNaN(y));
                    continue;
                }
                worst = Math.max(worst, Math.abs(x - y));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(1000);
        return worst;
    }

    private static void sameRepetitions(AnalysisResult a, AnalysisResult b) {
        List<Repetition> x = a.kinematics().repetitions(), y = b.kinematics().repetitions();
        assertThat(y).hasSameSizeAs(x);
        assertThat(x).hasSize(3);
        for (int i = 0; i < x.size(); i++) {
            assertThat(y.get(i).startFrame()).isEqualTo(x.get(i).startFrame());
            assertThat(y.get(i).peakFrame()).isEqualTo(x.get(i).peakFrame());
            assertThat(y.get(i).endFrame()).isEqualTo(x.get(i).endFrame());
            assertThat(y.get(i).romDeg()).isCloseTo(x.get(i).romDeg(), org.assertj.core.data.Offset.offset(0.1));
        }
    }

    @Test
    void mediaPipeReferenceOfTheSharedSquatGivesThreeRepetitions() throws Exception {
        Path ref = Fixtures.squatReference2d();
        ImportOptions options = new ImportOptions(5.0, FrameSize.parse("720x1280"), Fixtures.squatReference3d());
        KeypointReader reader = KeypointReader.forPath(ref, null, options);
        assertThat(reader).isInstanceOf(MediaPipeKeypoints.class);
        AnalysisResult r = run(reader, ref);
        List<Repetition> reps = r.kinematics().repetitions();
        assertThat(reps).hasSize(3);
        assertThat(reps.get(2).complete()).isFalse();
        assertThat(r.kinematics().angles().has3d()).isTrue();
        for (int rep = 1; rep <= 2; rep++)
            assertThat(r.kinematics().metric("left_knee_flexion_3d_peak", rep)).isBetween(90.0, 130.0);
        assertThat(AnalysisSummary.of(r).source().format()).isEqualTo("mediapipe");
    }

    @Test
    void mediaPipeTasksResultsInNormalisedCoordinatesBecomePixels() throws Exception {
        StringBuilder json = new StringBuilder("{\"width\":1000,\"height\":500,\"frames\":[");
        for (int f = 0; f < 3; f++) {
            json.append(f == 0 ? "" : ",").append("{\"timestamp_ms\":").append(f * 40).append(",\"pose_landmarks\":[[");
            for (int i = 0; i < 33; i++)
                json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "{\"x\":%.3f,\"y\":0.5,\"z\":0.01,\"visibility\":0.9,\"presence\":0.95}", i / 40.0));
            json.append("]],\"pose_world_landmarks\":[]}");
        }
        Path file = tmp.resolve("tasks.json");
        Files.writeString(file, json.append("]}"));
        ImportedKeypoints k = new MediaPipeKeypoints(ImportOptions.NONE).read(file);
        assertThat(k.fps()).isCloseTo(25, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(k.frames().get(2).timeS()).isEqualTo(0.08);
        var p = k.frames().get(1).persons().getFirst().keypoint(10);
        assertThat(p.x()).isCloseTo(250, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p.y()).isEqualTo(250);
        // A pose keeps float32 values (PersonPose): 0.9 comes back as 0.9f.
        assertThat(p.visibility()).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void filesThatCannotBeAnalysedSayWhyInOneLine() throws Exception {
        Path dir = openPoseFolder(false);
        assertMessage(() -> new OpenPoseKeypoints(new ImportOptions(null, new FrameSize(1280, 960), null)).read(dir),
                KeypointFileException.Kind.NEEDS_OPTION, "--fps");
        assertMessage(() -> new OpenPoseKeypoints(new ImportOptions(30.0, null, null)).read(dir),
                KeypointFileException.Kind.NEEDS_OPTION, "--frame-size WxH");
        assertMessage(() -> new MediaPipeKeypoints(new ImportOptions(30.0, null, null)).read(Fixtures.squatReference2d()),
                KeypointFileException.Kind.NEEDS_OPTION, "--frame-size");

        Path broken = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(broken.resolve("a_000000000000_keypoints.json"), "{\"people\": [");
        assertMessage(() -> new OpenPoseKeypoints(new ImportOptions(30.0, new FrameSize(640, 480), null)).read(broken),
                KeypointFileException.Kind.UNREADABLE, "not valid JSON");
        Path shortPerson = Files.createDirectories(tmp.resolve("short"));
        Files.writeString(shortPerson.resolve("a_000000000000_keypoints.json"), "{\"people\":[{\"pose_keypoints_2d\":[1,2,0.5,3,4,0.5]}]}");
        assertMessage(() -> new OpenPoseKeypoints(new ImportOptions(30.0, new FrameSize(640, 480), null)).read(shortPerson),
                KeypointFileException.Kind.UNREADABLE, "expected 75 (BODY_25) or 54 (COCO-18)");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertMessage(() -> KeypointFormat.detect(empty), KeypointFileException.Kind.UNREADABLE, "holds no .json files");

        Path mp = tmp.resolve("mp.json");
        Files.writeString(mp, "[[[1,2,3],[4,5,6]]]");
        assertMessage(() -> new MediaPipeKeypoints(new ImportOptions(30.0, new FrameSize(640, 480), null)).read(mp),
                KeypointFileException.Kind.UNREADABLE, "a person with 2 landmarks; MediaPipe's pose has 33");

        Path trc = tmp.resolve("x.trc");
        Files.writeString(trc, "hello\nworld\n");
        assertMessage(() -> new TrcKeypoints(ImportOptions.NONE).read(trc), KeypointFileException.Kind.UNREADABLE, "not a .trc marker file");
        Path noBody = tmp.resolve("nobody.trc");
        Files.writeString(noBody, "PathFileType\t4\t(X/Y/Z)\tnobody.trc\nDataRate\tCameraRate\tNumFrames\tNumMarkers\tUnits\n"
                + "30\t30\t1\t1\tm\nFrame#\tTime\tBarEnd\t\t\n\t\tX1\tY1\tZ1\n1\t0\t1\t2\t0\n");
        assertMessage(() -> new TrcKeypoints(ImportOptions.NONE).read(noBody), KeypointFileException.Kind.UNREADABLE, "BarEnd");

        assertThatThrownBy(() -> FrameSize.parse("1920by1080")).hasMessageContaining("WxH, e.g. 1920x1080");
        assertThatThrownBy(() -> new ImportOptions(-3.0, null, null)).hasMessageContaining("--fps");
    }

    private interface Read { Object run() throws Exception; }

    private static void assertMessage(Read read, KeypointFileException.Kind kind, String text) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(KeypointFileException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.getMessage()).contains(text).doesNotContain("\n");
        });
    }

    @Test
    void c3dHoldsTheSameMarkersAsTheTrc() throws Exception {
        AnalysisResult r = run(SyntheticSquatters.source(false), tmp.resolve("synthetic.mp4"));
        Path out = tmp.resolve("out");
        AnalysisOutputs.write(r, out);
        C3dReader.C3d c3d = C3dReader.read(out.resolve(AnalysisOutputs.C3D));
        KeypointSeries s = r.subject().filtered().series();
        assertThat(c3d.labels()).isEqualTo(s.skeleton().names());
        assertThat(c3d.rate()).isCloseTo(30, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(c3d.units()).isEqualTo("m");
        assertThat(c3d.points()).hasNumberOfRows(s.length());
        assertThat(c3d.parameterTypes()).containsEntry("POINT:LABELS", -1).containsEntry("POINT:RATE", 4).containsEntry("POINT:USED", 2);
        // The .trc's numbers, marker by marker (the .trc keeps 5 decimals, the C3D a 32-bit float).
        List<String> trc = Files.readAllLines(out.resolve(AnalysisOutputs.TRC));
        int checked = 0;
        for (int i = 0; i < s.length(); i += 37) {
            String[] row = trc.get(6 + i).split("\t", -1);
            for (int m = 0; m < 33; m++) {
                String x = row[2 + 3 * m];
                if (x.isEmpty()) {
                    assertThat(c3d.points()[i][m][0]).isNaN();
                    continue;
                }
                for (int a = 0; a < 3; a++)
                    assertThat(c3d.points()[i][m][a]).isCloseTo(Double.parseDouble(row[2 + 3 * m + a]), org.assertj.core.data.Offset.offset(2e-5));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(50);
        // The header's own fields as the C3D spec lays them out.
        byte[] bytes = Files.readAllBytes(out.resolve(AnalysisOutputs.C3D));
        assertThat(bytes[0]).isEqualTo((byte) 2);
        assertThat(bytes[1]).isEqualTo((byte) 0x50);
        assertThat(bytes.length % 512).isZero();
    }
}
