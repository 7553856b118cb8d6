package org.poseanalytics.kinematics.keypoints;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.poseanalytics.kinematics.keypoints.layout.BodyParts;
import org.poseanalytics.pose.FramePoses;
import org.poseanalytics.pose.Keypoint;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.WorldPoint;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int LANDMARKS = BodyParts.SKELETON.size();

    private final ImportOptions options;

    public MediaPipeKeypoints(ImportOptions options) { this.options = options == null ? ImportOptions.NONE : options; }

    @Override
    public ImportedKeypoints read(Path path) throws KeypointFileException {
        String name = path.getFileName().toString();
        JsonNode root = tree(path);
        JsonNode frames = root.isArray() ? root : root.get("frames");
        if (frames == null || !frames.isArray())
            throw KeypointFileException.unreadable(name + ": no frames; MediaPipe keypoints are a list of frames (or an object with \"frames\"), see docs/KEYPOINTS.md");
        Double fileFps = root.isObject() && root.has("fps") ? Double.valueOf(root.get("fps").asDouble()) : timestampRate(frames);
        FrameSize fileSize = root.isObject() && root.has("width") && root.has("height")
                ? sizeOf(root.get("width").asInt(), root.get("height").asInt(), name) : null;
        double fps = options.fpsOr(fileFps, "MediaPipe");
        JsonNode world = options.worldLandmarks() == null ? null : tree(options.worldLandmarks());
        if (world != null && (!world.isArray() || world.size() != frames.size()))
            throw KeypointFileException.unreadable(options.worldLandmarks().getFileName() + ": the world landmarks must be a list of "
                    + frames.size() + " frames like " + name + "'s, got " + (world.isArray() ? world.size() + " frames" : "something else"));
        // Normalised landmarks need the frame size to become pixels; pixel ones need it for the out-of-frame checks.
        FrameSize size = options.frameSizeOr(fileSize, "MediaPipe");
        List<FramePoses> out = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            JsonNode frame = frames.get(i);
            double t = frame.isObject() && frame.has("time_s") ? frame.get("time_s").asDouble()
                    : frame.isObject() && frame.has("timestamp_ms") ? frame.get("timestamp_ms").asDouble() / 1000
                    : frame.isObject() && frame.has("timestampMs") ? frame.get("timestampMs").asDouble() / 1000 : i / fps;
            List<PersonPose> persons = persons(frame, world == null ? null : world.get(i), size, name, i);
            out.add(new FramePoses(i, t, size.width(), size.height(), persons));
        }
        boolean withWorld = out.stream().flatMap(f -> f.persons().stream()).anyMatch(PersonPose::hasWorld);
        List<String> notes = withWorld ? List.of() : List.of("no world landmarks: 2D angles only (give --world-keypoints for 3D)");
        return new ImportedKeypoints(KeypointFormat.MEDIAPIPE, "BlazePose 33", path, size.width(), size.height(), fps, out, notes);
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
    private static Double timestampRate(JsonNode frames) {
        double[] t = new double[frames.size()];
        for (int i = 0; i < t.length; i++) {
            JsonNode f = frames.get(i);
            if (!f.isObject()) return null;
            JsonNode ts = first(f, "time_s", "timestamp_ms", "timestampMs");
            if (ts == null) return null;
            t[i] = f.has("time_s") ? ts.asDouble() : ts.asDouble() / 1000;
        }
        if (t.length < 2) return null;
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

    private static JsonNode tree(Path file) throws KeypointFileException {
        try {
            JsonNode n = JSON.readTree(file.toFile());
            if (n == null || n.isMissingNode()) throw KeypointFileException.unreadable(file.getFileName() + ": empty file; expected MediaPipe landmarks as JSON");
            return n;
        } catch (JacksonException e) {
            throw KeypointFileException.unreadable(file.getFileName() + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }
}
