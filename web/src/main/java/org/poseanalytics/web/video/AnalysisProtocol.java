package org.poseanalytics.web.video;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.poseanalytics.kinematics.pipeline.AnalysisException;
import org.poseanalytics.pose.BoundingBox;
import org.poseanalytics.pose.FramePoses;
import org.poseanalytics.pose.Keypoint;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.StageTimings;
import org.poseanalytics.pose.WorldPoint;
import org.poseanalytics.pose.pipeline.VideoPoseResult;
import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.pose.video.DecodeReport;
import org.poseanalytics.pose.video.VideoInfo;
import org.poseanalytics.pose.video.VideoLimits;
import org.poseanalytics.pose.video.VideoOverLimitException;
import org.poseanalytics.tracking.point.PointSpec;
import org.poseanalytics.tracking.point.PointTrajectory;
import org.poseanalytics.tracking.point.TrackedPoint;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the server and its {@link AnalysisWorker} say to each other, version {@value #VERSION}. One {@link Request} as
 * JSON on the worker's stdin; on its stdout, lines that start with {@value #PREFIX} followed by a word and its payload
 * (any other line, e.g. a library's note, is ignored):
 * <ul>
 *   <li>{@code info JSON}: the video's header ({@link VideoInfo}), before a model loads;</li>
 *   <li>{@code frame BASE64}: one frame's poses, binary ({@link #writeFrame}), in frame order;</li>
 *   <li>{@code progress DONE TOTAL}: frames done and expected;</li>
 *   <li>{@code points BASE64}: the followed points' paths, binary ({@link #writePoints});</li>
 *   <li>{@code done JSON}: the pass's summary ({@link Done}), last;</li>
 *   <li>{@code failed JSON}: why it stopped ({@link Failure}), last.</li>
 * </ul>
 * Numbers travel as the doubles they are (binary, not text), so the server's tracking and kinematics see exactly
 * what the pose model gave: the same angles as in one process. A worker that ends without {@code done} or
 * {@code failed} ran out of memory, was killed or crashed.
 */
final class AnalysisProtocol {
    static final int VERSION = 1;
    static final String PREFIX = "pose-analysis/" + VERSION + " ";
    /** Reads NaN and infinities (a header's unknown duration, a frame's missing time) as the worker wrote them. */
    static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private AnalysisProtocol() {}

    enum Operation { POSES, POINTS }

    record Request(int version, Operation operation, String video, String model, int threads, VideoLimits limits,
                   List<PointSpec> points) {}

    /** A pass's summary, {@link VideoPoseResult} without its video header (sent before) and with its stage timings as plain numbers. */
    record Done(String model, long frames, long framesWithPose, DecodeReport decode, double decodeS, double inferenceS,
                double totalS, Map<String, long[]> stages) {
        static Done of(VideoPoseResult r) {
            Map<String, long[]> stages = new LinkedHashMap<>();
            if (r.stages() != null) r.stages().all().forEach((k, v) -> stages.put(k, new long[] {v.nanos(), v.calls()}));
            return new Done(r.model(), r.frames(), r.framesWithPose(), r.decode(), r.decodeS(), r.inferenceS(), r.totalS(), stages);
        }

        VideoPoseResult result(VideoInfo video) {
            StageTimings timings = new StageTimings();
            stages.forEach((k, v) -> timings.add(k, v[0], v[1]));
            return new VideoPoseResult(video, model, frames, framesWithPose, decode, decodeS, inferenceS, totalS, timings);
        }
    }

    /**
     * {@code overLimit}: the limit the header asked for more than (the job then advises trimming the video), null when
     * none was;
     * {@code detail}: the decoder's own words, for an unreadable file (null otherwise).
     */
    record Failure(AnalysisException.Kind kind, String message, VideoOverLimitException.Limit overLimit, String detail) {}

    static String line(String word, String payload) { return PREFIX + word + " " + payload; }

    static String json(Object value) { return JSON.writeValueAsString(value); }

    static String frame(FramePoses frame) { return base64(out -> writeFrame(out, frame)); }

    static String points(List<PointTrajectory> paths) { return base64(out -> writePoints(out, paths)); }

    static FramePoses readFrame(String base64) throws IOException { return readFrame(in(base64)); }

    static List<PointTrajectory> readPoints(String base64) throws IOException { return readPoints(in(base64)); }

    static void writeFrame(DataOutputStream out, FramePoses f) throws IOException {
        out.writeLong(f.frameIndex());
        out.writeDouble(f.timeS());
        out.writeInt(f.width());
        out.writeInt(f.height());
        out.writeInt(f.persons().size());
        for (PersonPose p : f.persons()) {
            out.writeUTF(p.skeleton().name());
            out.writeInt(p.keypoints().size());
            for (Keypoint k : p.keypoints()) {
                out.writeDouble(k.x());
                out.writeDouble(k.y());
                out.writeDouble(k.z());
                out.writeDouble(k.visibility());
                out.writeDouble(k.presence());
            }
            out.writeInt(p.world().size());
            for (WorldPoint w : p.world()) {
                out.writeDouble(w.x());
                out.writeDouble(w.y());
                out.writeDouble(w.z());
            }
            out.writeBoolean(p.box() != null);
            if (p.box() != null) {
                out.writeDouble(p.box().x());
                out.writeDouble(p.box().y());
                out.writeDouble(p.box().width());
                out.writeDouble(p.box().height());
            }
            out.writeDouble(p.score());
        }
    }

    static FramePoses readFrame(DataInputStream in) throws IOException {
        long index = in.readLong();
        double time = in.readDouble();
        int width = in.readInt(), height = in.readInt();
        int n = count(in);
        List<PersonPose> persons = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Skeleton skeleton = Skeleton.valueOf(in.readUTF());
            int k = count(in);
            List<Keypoint> keypoints = new ArrayList<>(k);
            for (int j = 0; j < k; j++) {
                keypoints.add(new Keypoint(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble()));
            }
            int w = count(in);
            List<WorldPoint> world = new ArrayList<>(w);
            for (int j = 0; j < w; j++) world.add(new WorldPoint(in.readDouble(), in.readDouble(), in.readDouble()));
            BoundingBox box = in.readBoolean() ? new BoundingBox(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble()) : null;
            persons.add(new PersonPose(skeleton, keypoints, world, box, in.readDouble()));
        }
        return new FramePoses(index, time, width, height, persons);
    }

    static void writePoints(DataOutputStream out, List<PointTrajectory> paths) throws IOException {
        out.writeInt(paths.size());
        for (PointTrajectory t : paths) {
            out.writeInt(t.pointId());
            out.writeDouble(t.spec().xPx());
            out.writeDouble(t.spec().yPx());
            out.writeDouble(t.spec().timeS());
            out.writeLong(t.anchorFrame());
            out.writeInt(t.points().size());
            for (TrackedPoint p : t.points()) {
                out.writeLong(p.frame());
                out.writeDouble(p.timeS());
                out.writeDouble(p.xPx());
                out.writeDouble(p.yPx());
                out.writeDouble(p.confidence());
                out.writeBoolean(p.occluded());
            }
        }
    }

    static List<PointTrajectory> readPoints(DataInputStream in) throws IOException {
        int n = count(in);
        List<PointTrajectory> paths = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int id = in.readInt();
            PointSpec spec = new PointSpec(in.readDouble(), in.readDouble(), in.readDouble());
            long anchor = in.readLong();
            int m = count(in);
            List<TrackedPoint> points = new ArrayList<>(m);
            for (int j = 0; j < m; j++) {
                points.add(new TrackedPoint(in.readLong(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readBoolean()));
            }
            paths.add(new PointTrajectory(id, spec, anchor, points));
        }
        return paths;
    }

    /** A count read from the worker, bounded so that a garbled line cannot make the server allocate without end. */
    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available() + 1) throw new IOException("a garbled line from the analysis worker (count " + n + ")");
        return n;
    }

    private interface Writer { void write(DataOutputStream out) throws IOException; }

    private static String base64(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static DataInputStream in(String base64) {
        return new DataInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    }
}
