package org.poseanalytics.kinematics.keypoints;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.poseanalytics.kinematics.keypoints.layout.BodyParts;
import org.poseanalytics.pose.FramePoses;
import org.poseanalytics.pose.Keypoint;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.WorldPoint;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * MediaPipe / BlazePose landmarks as JSON: the 33 BlazePose landmarks per person, in BlazePose's order (the same as ours),
 * so no name mapping is needed. Accepted (docs/KEYPOINTS.md):
 * <ul>
 *   <li><b>landmark arrays</b>, as tfjs-models' reference output: {@code [[[x, y, z], ... 33], ... one per frame]} in
 *       pixels, optionally a fourth number (visibility); an empty frame {@code []} has nobody. World landmarks (metres)
 *       in the same layout come from a second file ({@code --world-keypoints}).</li>
 *   <li><b>MediaPipe's Pose Landmarker results</b> (Python {@code pose_landmarks}/{@code pose_world_landmarks}, JS
 *       {@code landmarks}/{@code worldLandmarks}), one object per frame: a list of people, each a list of
 *       {@code {x, y, z, visibility, presence}} <em>normalised</em> to the frame (0–1; z on x's scale), or the legacy
 *       Solutions API's {@code {"landmark": [...]}} of one person.</li>
 *   <li><b>tfjs pose-detection</b> {@code estimatePoses} results, one list of poses per frame:
 *       {@code [{"keypoints": [{x, y, z, score}], "keypoints3D": [...]}]} in pixels.</li>
 * </ul>
 * The frames may stand at the top level or under {@code "frames"} of an object that may also state {@code fps},
 * {@code width} and {@code height}; a frame object may carry {@code time_s} or {@code timestamp_ms}. What the file does not
 * state comes from {@code --fps} and {@code --frame-size}. A landmark without a visibility counts as seen (1).
 */
public final class MediaPipeKeypoints implements KeypointReader {
    private static final JsonMapper JSON = JsonStreams.JSON;
    private static final int LANDMARKS = BodyParts.SKELETON.size();
    private static final Set<String> TIME_KEYS = Set.of("time_s", "timestamp_ms", "timestampMs");

    private final ImportOptions options;

    public MediaPipeKeypoints(ImportOptions options) { this.options = options == null ? ImportOptions.NONE : options; }

    @Override
    public KeypointStream scan(Path path) throws KeypointFileException {
        String name = path.getFileName().toString();
        Head head = head(path);
        if (head.frames() < 0)
            throw KeypointFileException.unreadable(name + ": no frames; MediaPipe keypoints are a list of frames (or an object with \"frames\"), see docs/KEYPOINTS.md");
        Double fileFps = head.fps() != null ? Double.valueOf(head.fps().asDouble()) : timestampRate(head.times());
        FrameSize fileSize = head.width() != null && head.height() != null ? sizeOf(head.width().asInt(), head.height().asInt(), name) : null;
        double fps = options.fpsOr(fileFps, "MediaPipe");
        Path world = options.worldLandmarks();
        if (world != null) {
            int worldFrames = head(world).topLevelFrames();
            if (worldFrames != head.frames())
                throw KeypointFileException.unreadable(world.getFileName() + ": the world landmarks must be a list of "
                        + head.frames() + " frames like " + name + "'s, got " + (worldFrames >= 0 ? worldFrames + " frames" : "something else"));
        }
        // Normalised landmarks need the frame size to become pixels; pixel ones need it for the out-of-frame checks.
        FrameSize size = options.frameSizeOr(fileSize, "MediaPipe");
        return new Frames(new KeypointHeader(KeypointFormat.MEDIAPIPE, path, size.width(), size.height(), fps, head.frames()), world);
    }

    /** The landmarks file, and the world landmarks file read in lockstep with it (null: none). */
    private record Frames(KeypointHeader header, Path world) implements KeypointStream {
        @Override
        public KeypointSummary frames(Consumer<FramePoses> sink) throws KeypointFileException {
            Path path = header.source();
            String name = path.getFileName().toString();
            int width = header.width(), height = header.height();
            FrameSize size = new FrameSize(width, height);
            KeypointSummary.Tally tally = new KeypointSummary.Tally(sink);
            try (JsonParser frames = JsonStreams.atFrames(path); JsonParser worlds = world == null ? null : JsonStreams.atFrames(world)) {
                for (int i = 0; frames.nextToken() != JsonToken.END_ARRAY; i++) {
                    JsonNode frame = frames.readValueAsTree();
                    JsonNode worldFrame = worlds == null || worlds.nextToken() == JsonToken.END_ARRAY ? null : worlds.readValueAsTree();
                    Double own = seconds(frame);
                    double t = own != null ? own : i / header.fps();
                    tally.accept(new FramePoses(i, t, width, height, persons(frame, worldFrame, size, name, i)));
                }
            } catch (JacksonException e) {
                throw JsonStreams.invalid(path, e);
            }
            List<String> notes = tally.anyWorld() ? List.of() : List.of("no world landmarks: 2D angles only (give --world-keypoints for 3D)");
            return tally.summary(header, "BlazePose 33", notes);
        }
    }

    /**
     * What the first pass keeps of a file: the top-level "fps", "width" and "height" (null when absent), the number of
     * frames (-1: no list of frames), whether the frames list stood at the top level, and every frame's own time in
     * seconds (null unless every frame has one). The frames themselves are skipped token by token, so the pass holds one
     * number a frame, whatever the file's size.
     */
    private record Head(JsonNode fps, JsonNode width, JsonNode height, int frames, boolean topLevel, double[] times) {
        /** The frames of a file that must be a bare list of them (the world landmarks); -1 for anything else. */
        int topLevelFrames() { return topLevel ? frames : -1; }
    }

    private static Head head(Path file) throws KeypointFileException {
        try (JsonParser p = JSON.createParser(file.toFile())) {
            JsonToken root = p.nextToken();
            if (root == null) throw KeypointFileException.unreadable(file.getFileName() + ": empty file; expected MediaPipe landmarks as JSON");
            if (root == JsonToken.START_ARRAY) {
                Times times = new Times();
                int frames = skimFrames(p, times);
                JsonStreams.nothingAfter(p, file);
                return new Head(null, null, null, frames, true, times.all());
            }
            JsonStreams.FramesObject o = null;
            Times t = new Times();
            if (root == JsonToken.START_OBJECT) o = JsonStreams.framesObject(p, q -> skimFrames(q, t));
            int frames = o == null || o.frames() == null ? -1 : o.frames();
            JsonStreams.nothingAfter(p, file);
            return o == null ? new Head(null, null, null, frames, false, null)
                    : new Head(o.fps(), o.width(), o.height(), frames, false, frames >= 0 ? t.all() : null);
        } catch (JacksonException e) {
            throw JsonStreams.invalid(file, e);
        }
    }

    /** Counts the frames of the list the parser is at, keeping only their own times; leaves the parser at the list's end. */
    private static int skimFrames(JsonParser p, Times times) {
        int n = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), n++) {
            if (t == JsonToken.START_OBJECT && times.collecting()) {
                times.add(seconds(stamps(p)));
            } else {
                times.add(null);
                p.skipChildren();
            }
        }
        return n;
    }

    /** The time fields of the frame object the parser is at, as the same nodes its full tree would hold; the rest skipped. */
    private static ObjectNode stamps(JsonParser p) {
        ObjectNode stamps = JSON.createObjectNode();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = p.currentName();
            p.nextToken();
            if (TIME_KEYS.contains(key)) stamps.set(key, p.readValueAsTree());
            else p.skipChildren();
        }
        return stamps;
    }

    /** The frames' own times in seconds while every frame has one; none as soon as one has none. */
    private static final class Times {
        private double[] t = new double[1024];
        private int n;
        private boolean none;

        boolean collecting() { return !none; }

        void add(Double seconds) {
            if (none) return;
            if (seconds == null) { none = true; t = null; return; }
            if (n == t.length) t = Arrays.copyOf(t, 2 * n);
            t[n++] = seconds;
        }

        /** Every frame's time, or null when some frame has none. */
        double[] all() { return none ? null : Arrays.copyOf(t, n); }
    }

    /** A frame's own time in seconds, or null when it has none (its time is then index / fps). */
    private static Double seconds(JsonNode frame) {
        if (!frame.isObject()) return null;
        if (frame.has("time_s")) return frame.get("time_s").asDouble();
        if (frame.has("timestamp_ms")) return frame.get("timestamp_ms").asDouble() / 1000;
        if (frame.has("timestampMs")) return frame.get("timestampMs").asDouble() / 1000;
        return null;
    }

    /** One frame's people in whichever of the accepted layouts it is. */
    private static List<PersonPose> persons(JsonNode frame, JsonNode worldFrame, FrameSize size, String file, int i) throws KeypointFileException {
        String where = file + ", frame " + i;
        List<PersonPose> out = new ArrayList<>();
        if (frame.isArray()) {
            if (frame.isEmpty()) return out;
            if (frame.get(0).isArray()) { // [[x, y, z(, v)] × 33]: one person in pixels
                add(out, pixelArrays(frame, where), worldFrame == null || worldFrame.isEmpty() ? null : worldArrays(worldFrame, where));
                return out;
            }
            for (JsonNode pose : frame) { // tfjs pose-detection: [{keypoints, keypoints3D}]
                JsonNode kps = pose.get("keypoints");
                if (kps == null) throw KeypointFileException.unreadable(where + ": a pose without \"keypoints\"; see docs/KEYPOINTS.md for the layouts accepted");
                add(out, objects(kps, 1, 1, where), pose.has("keypoints3D") ? worldObjects(pose.get("keypoints3D"), where) : null);
            }
            return out;
        }
        if (!frame.isObject()) throw KeypointFileException.unreadable(where + ": a frame is neither a list nor an object; see docs/KEYPOINTS.md");
        JsonNode image = first(frame, "pose_landmarks", "landmarks", "poseLandmarks");
        JsonNode world = first(frame, "pose_world_landmarks", "world_landmarks", "worldLandmarks");
        if (image == null || image.isNull()) return out; // MediaPipe found nobody
        List<JsonNode> people = people(image), worlds = world == null || world.isNull() ? List.of() : people(world);
        for (int p = 0; p < people.size(); p++)
            add(out, objects(people.get(p), size.width(), size.height(), where), p < worlds.size() ? worldObjects(worlds.get(p), where) : null);
        return out;
    }

    private static void add(List<PersonPose> out, Keypoint[] k, WorldPoint[] w) {
        PersonPose p = Persons.of(k, w);
        if (p != null) out.add(p);
    }

    /** A landmark list of one person, or a list of people, or the Solutions API's {"landmark": [...]}. */
    private static List<JsonNode> people(JsonNode n) {
        if (n.isObject() && n.has("landmark")) return List.of(n.get("landmark"));
        if (n.isArray() && !n.isEmpty() && n.get(0).isArray()) {
            List<JsonNode> out = new ArrayList<>();
            n.forEach(out::add);
            return out;
        }
        return n.isArray() && n.isEmpty() ? List.of() : List.of(n);
    }

    private static Keypoint[] pixelArrays(JsonNode person, String where) throws KeypointFileException {
        count(person, where);
        Keypoint[] k = Persons.missing();
        for (int j = 0; j < LANDMARKS; j++) {
            JsonNode p = person.get(j);
            if (!p.isArray() || p.size() < 2) throw KeypointFileException.unreadable(where + ": landmark " + j + " is not [x, y, z]");
            double v = p.size() >= 4 ? p.get(3).asDouble() : 1;
            k[j] = keypoint(p.get(0), p.get(1), p.size() >= 3 ? p.get(2) : null, v, v, 1, 1, where);
        }
        return k;
    }

    private static WorldPoint[] worldArrays(JsonNode person, String where) throws KeypointFileException {
        count(person, where + " (world)");
        WorldPoint[] w = Persons.missingWorld();
        for (int j = 0; j < LANDMARKS; j++) {
            JsonNode p = person.get(j);
            if (!p.isArray() || p.size() < 3) throw KeypointFileException.unreadable(where + " (world): landmark " + j + " is not [x, y, z]");
            w[j] = new WorldPoint(p.get(0).asDouble(), p.get(1).asDouble(), p.get(2).asDouble());
        }
        return w;
    }

    /** {x, y, z, visibility|score, presence} objects; scale 1 for pixels, the frame size for MediaPipe's normalised ones. */
    private static Keypoint[] objects(JsonNode person, double sx, double sy, String where) throws KeypointFileException {
        count(person, where);
        Keypoint[] k = Persons.missing();
        for (int j = 0; j < LANDMARKS; j++) {
            JsonNode p = person.get(j);
            JsonNode vis = first(p, "visibility", "score");
            double v = vis == null ? 1 : vis.asDouble();
            double presence = p.has("presence") ? p.get("presence").asDouble() : v;
            k[j] = keypoint(p.get("x"), p.get("y"), p.get("z"), v, presence, sx, sy, where);
        }
        return k;
    }

    private static WorldPoint[] worldObjects(JsonNode person, String where) throws KeypointFileException {
        count(person, where + " (world)");
        WorldPoint[] w = Persons.missingWorld();
        for (int j = 0; j < LANDMARKS; j++) {
            JsonNode p = person.get(j);
            w[j] = new WorldPoint(p.path("x").asDouble(Double.NaN), p.path("y").asDouble(Double.NaN), p.path("z").asDouble(Double.NaN));
        }
        return w;
    }

    private static Keypoint keypoint(JsonNode x, JsonNode y, JsonNode z, double v, double presence, double sx, double sy, String where)
            throws KeypointFileException {
        if (x == null || y == null || !x.isNumber() || !y.isNumber())
            throw KeypointFileException.unreadable(where + ": a landmark without numbers x and y");
        double px = x.asDouble() * sx, py = y.asDouble() * sy, pz = z != null && z.isNumber() ? z.asDouble() * sx : 0;
        if (!Double.isFinite(px) || !Double.isFinite(py)) return Keypoint.MISSING;
        return new Keypoint(px, py, pz, clamp(v), clamp(presence));
    }

    private static double clamp(double p) { return Double.isFinite(p) ? Math.max(0, Math.min(1, p)) : 0; }

    private static void count(JsonNode person, String where) throws KeypointFileException {
        if (!person.isArray() || person.size() != LANDMARKS)
            throw KeypointFileException.unreadable(String.format(Locale.ROOT, "%s: a person with %s landmarks; MediaPipe's pose has %d (BlazePose order)",
                    where, person.isArray() ? String.valueOf(person.size()) : "no list of", LANDMARKS));
    }

    private static JsonNode first(JsonNode n, String... keys) {
        for (String k : keys) if (n.has(k)) return n.get(k);
        return null;
    }

    /** The median rate of the frames' own timestamps, when every frame has one; else null (the file does not say). */
    private static Double timestampRate(double[] t) {
        if (t == null || t.length < 2) return null;
        double[] dt = new double[t.length - 1];
        for (int i = 1; i < t.length; i++) dt[i - 1] = t[i] - t[i - 1];
        Arrays.sort(dt);
        return dt[dt.length / 2] > 0 ? 1 / dt[dt.length / 2] : null;
    }

    private static FrameSize sizeOf(int w, int h, String file) throws KeypointFileException {
        try {
            return new FrameSize(w, h);
        } catch (IllegalArgumentException e) {
            throw KeypointFileException.unreadable(file + ": " + e.getMessage());
        }
    }
}
