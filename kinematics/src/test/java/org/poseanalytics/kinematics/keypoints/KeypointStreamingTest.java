package org.poseanalytics.kinematics.keypoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poseanalytics.kinematics.pipeline.AnalysisException;
import org.poseanalytics.kinematics.pipeline.AnalysisProgress;
import org.poseanalytics.kinematics.pipeline.AnalysisRequest;
import org.poseanalytics.pose.FramePoses;

/**
 * Keypoint files stream (an hour of landmarks did not fit a server's heap read whole): the reader keeps no frame it has
 * handed on, frames reach the analysis before the file's end is converted, and the first pass learns the frame rate and
 * size wherever the file states them.
 */
class KeypointStreamingTest {
    private static final int FRAMES = 3000;

    @TempDir Path tmp;

    /** MediaPipe landmark arrays: 33 [x, y, z] a frame in pixels of 640 × 480, {@code tail} after the list of frames. */
    private Path mediaPipe(int frames, String head, String tail, int brokenFrame) throws IOException {
        Path file = tmp.resolve("long.json");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write(head + "[");
            for (int i = 0; i < frames; i++) {
                out.write(i == 0 ? "[" : ",[");
                int landmarks = i == brokenFrame ? 2 : 33;
                for (int j = 0; j < landmarks; j++)
                    out.write(String.format(Locale.ROOT, "%s[%.1f,%.1f,%.2f]", j == 0 ? "" : ",", 300.0 + j + (i % 30), 100.0 + 8 * j, 0.01 * j));
                out.write("]");
            }
            out.write("]" + tail);
        }
        return file;
    }

    /** A .trc of 3 body markers in metres, with depth. */
    private Path trc(int frames) throws IOException {
        Path file = tmp.resolve("long.trc");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("PathFileType\t4\t(X/Y/Z)\tlong.trc\nDataRate\tCameraRate\tNumFrames\tNumMarkers\tUnits\n30\t30\t" + frames
                    + "\t3\tm\nFrame#\tTime\tLHip\t\t\tLKnee\t\t\tLAnkle\t\t\n\t\tX1\tY1\tZ1\tX2\tY2\tZ2\tX3\tY3\tZ3\n");
            for (int i = 0; i < frames; i++)
                out.write(String.format(Locale.ROOT, "%d\t%.5f\t0.1\t1.0\t0.2\t%.3f\t0.5\t0.2\t0.1\t0.1\t0.2%n", i + 1, i / 30.0, 0.1 + 0.001 * (i % 30)));
        }
        return file;
    }

    /** Our own keypoints.json: OpenPose frames in one file, fps and size after the frames. */
    private Path openPoseCombined(int frames) throws IOException {
        Path file = tmp.resolve("keypoints.json");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("{\"frames\":[");
            for (int i = 0; i < frames; i++) {
                out.write(i == 0 ? "" : ",");
                out.write("{\"frame\":" + i + ",\"people\":[{\"pose_keypoints_2d\":[");
                for (int j = 0; j < 25; j++) out.write(String.format(Locale.ROOT, "%s%d,%d,0.8", j == 0 ? "" : ",", 300 + j, 100 + 10 * j + i % 7));
                out.write("]}]}");
            }
            out.write("],\"fps\":25,\"width\":800,\"height\":600}");
        }
        return file;
    }

    /**
     * Every frame but the one in hand is only weakly held by the test: once the reader has moved on, a garbage collection
     * clears them, unless the reader keeps them (as reading the whole file into a list did).
     */
    private static void framesAreNotKept(KeypointReader reader, Path file) throws Exception {
        List<WeakReference<FramePoses>> seen = new ArrayList<>();
        int[] collectedAtTheEnd = {-1};
        boolean[] gcRan = {false};
        KeypointStream stream = reader.scan(file);
        int n = stream.header().frames();
        assertThat(n).isEqualTo(FRAMES);
        KeypointSummary summary = stream.frames(frame -> {
            seen.add(new WeakReference<>(frame));
            if (seen.size() == n) {
                WeakReference<Object> probe = new WeakReference<>(new Object());
                System.gc();
                gcRan[0] = probe.get() == null;
                collectedAtTheEnd[0] = (int) seen.stream().limit(n - 1).filter(r -> r.get() == null).count();
            }
        });
        Assumptions.assumeTrue(gcRan[0], "System.gc() did not collect (explicit GC disabled?)");
        assertThat(summary.frames()).isEqualTo(n);
        assertThat(summary.framesWithPose()).isEqualTo(n);
        // All but a few frames (a parser's look-ahead at most) are gone while the last is being analysed.
        assertThat(collectedAtTheEnd[0]).as("frames the reader let go of before the last was handed on").isGreaterThan(n - 10);
    }

    @Test
    void mediaPipeFramesAreNotKeptOnceHandedOn() throws Exception {
        Path file = mediaPipe(FRAMES, "{\"fps\":30,\"width\":640,\"height\":480,\"frames\":", "}", -1);
        framesAreNotKept(new MediaPipeKeypoints(ImportOptions.NONE), file);
    }

    @Test
    void trcFramesAreNotKeptOnceHandedOn() throws Exception {
        framesAreNotKept(new TrcKeypoints(ImportOptions.NONE), trc(FRAMES));
    }

    @Test
    void openPoseFramesAreNotKeptOnceHandedOn() throws Exception {
        framesAreNotKept(new OpenPoseKeypoints(ImportOptions.NONE), openPoseCombined(FRAMES));
    }

    @Test
    void framesReachTheAnalysisBeforeABadFrameAtTheEndIsRead() throws Exception {
        Path file = mediaPipe(FRAMES, "", "", FRAMES - 1);
        KeypointReader reader = new MediaPipeKeypoints(new ImportOptions(30.0, new FrameSize(640, 480), null));
        List<Long> order = new ArrayList<>();
        assertThatThrownBy(() -> reader.poses(AnalysisRequest.of(file), f -> order.add(f.frameIndex()), AnalysisProgress.NONE))
                .isInstanceOfSatisfying(AnalysisException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AnalysisException.Kind.UNREADABLE_VIDEO);
                    assertThat(e.getMessage()).isEqualTo("long.json, frame " + (FRAMES - 1) + ": a person with 2 landmarks; MediaPipe's pose has 33 (BlazePose order)");
                });
        // Every frame before the bad one was analysed, in order, before the bad one was reached.
        assertThat(order).hasSize(FRAMES - 1);
        for (int i = 0; i < order.size(); i++) assertThat(order.get(i)).isEqualTo(i);
    }

    @Test
    void theFirstPassFindsFpsAndSizeStatedAfterTheFrames() throws Exception {
        Path file = mediaPipe(40, "{\"frames\":", ",\"note\":{\"fps\":1},\"fps\":25,\"width\":640,\"height\":480}", -1);
        KeypointHeader header = new MediaPipeKeypoints(ImportOptions.NONE).scan(file).header();
        assertThat(header).isEqualTo(new KeypointHeader(KeypointFormat.MEDIAPIPE, file, 640, 480, 25.0, 40));

        ImportedKeypoints all = new MediaPipeKeypoints(ImportOptions.NONE).read(file);
        assertThat(all.frames()).hasSize(40);
        assertThat(all.frames().get(10).timeS()).isEqualTo(10 / 25.0);
        assertThat(all.videoInfo().durationS()).isCloseTo(40 / 25.0, org.assertj.core.data.Offset.offset(1e-12));

        Path openPose = openPoseCombined(12);
        assertThat(new OpenPoseKeypoints(ImportOptions.NONE).scan(openPose).header())
                .isEqualTo(new KeypointHeader(KeypointFormat.OPENPOSE, openPose, 800, 600, 25.0, 12));
    }

    @Test
    void theFirstPassFindsTheRateOfTheFramesOwnTimestamps() throws Exception {
        StringBuilder json = new StringBuilder("[");
        for (int f = 0; f < 5; f++) {
            json.append(f == 0 ? "" : ",").append("{\"pose_landmarks\":[],\"timestamp_ms\":").append(f * 20).append(",\"extra\":{\"time_s\":99}}");
        }
        Path file = tmp.resolve("stamps.json");
        Files.writeString(file, json.append("]"));
        KeypointHeader header = new MediaPipeKeypoints(new ImportOptions(null, new FrameSize(100, 100), null)).scan(file).header();
        assertThat(header.fps()).isCloseTo(50, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(header.frames()).isEqualTo(5);
    }

    @Test
    void brokenJsonAndTrailingValuesAreRefusedByTheFirstPass() throws Exception {
        Path broken = mediaPipe(50, "", "", -1);
        Files.writeString(broken, Files.readString(broken).substring(0, 2000));
        assertThatThrownBy(() -> new MediaPipeKeypoints(new ImportOptions(30.0, new FrameSize(640, 480), null)).scan(broken))
                .isInstanceOf(KeypointFileException.class).hasMessageContaining("long.json: not valid JSON");
        Path twice = tmp.resolve("twice.json");
        Files.writeString(twice, "[[]] [[]]");
        assertThatThrownBy(() -> new MediaPipeKeypoints(new ImportOptions(30.0, new FrameSize(640, 480), null)).scan(twice))
                .isInstanceOf(KeypointFileException.class).hasMessageContaining("twice.json: not valid JSON");
    }
}
