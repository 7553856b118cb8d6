package org.poseanalytics.kinematics.keypoints;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.poseanalytics.kinematics.keypoints.layout.BodyParts;
import org.poseanalytics.pose.FramePoses;
import org.poseanalytics.pose.Keypoint;
import org.poseanalytics.pose.PersonPose;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OpenPose's JSON output ({@code --write_json}): a folder of one {@code <name>_<frame>_keypoints.json} per frame, each
 * {@code {"people": [{"pose_keypoints_2d": [x0, y0, c0, x1, y1, c1, ...]}, ...]}} with every person in the frame, in
 * pixels of the video's frame. BODY_25 (75 numbers a person) and COCO-18 (54) are told apart by length; names map to
 * ours by {@link BodyParts}. A keypoint OpenPose did not find is written (0, 0, 0) and stays missing. The frame number is
 * the last run of digits in the file name (OpenPose's 12-digit counter), time = frame / fps. OpenPose states neither its
 * frame rate nor its frame size, so both are required ({@code --fps}, {@code --frame-size}).
 *
 * <p>A folder's files are read one at a time as the frames stream; a single file's frames one frame at a time, after a
 * first pass that finds its fps and frame size and counts its frames.
 *
 * <p>OpenPose's confidence c becomes a visibility by {@link BodyParts#visibilityOfOpenPose} (c 0.3, what Sports2D and
 * Pose2Sim keep, is our gate 0.5).
 */
public final class OpenPoseKeypoints implements KeypointReader {
    private static final JsonMapper JSON = JsonStreams.JSON;
    private static final Pattern DIGITS = Pattern.compile("(\\d+)(?!.*\\d)");

    private final ImportOptions options;

    public OpenPoseKeypoints(ImportOptions options) { this.options = options == null ? ImportOptions.NONE : options; }

    @Override
    public KeypointStream scan(Path path) throws KeypointFileException {
        List<Path> files = files(path);
        // Our own keypoints.json: OpenPose's frames in one file, with the frame rate and size before or after them.
        JsonStreams.FramesObject combined = files.size() == 1 ? combined(files.getFirst()) : null;
        Double fileFps = combined != null && combined.fps() != null ? combined.fps().asDouble() : null;
        FrameSize fileSize = null;
        if (combined != null && combined.width() != null && combined.height() != null) {
            try {
                fileSize = new FrameSize(combined.width().asInt(), combined.height().asInt());
            } catch (IllegalArgumentException e) {
                throw KeypointFileException.unreadable(path.getFileName() + ": " + e.getMessage());
            }
        }
        double fps = options.fpsOr(fileFps, "OpenPose");
        FrameSize size = options.frameSizeOr(fileSize, "OpenPose");
        if (combined != null && combined.frames() < 0) throw KeypointFileException.unreadable(path.getFileName() + ": \"frames\" is not a list");
        KeypointHeader header = new KeypointHeader(KeypointFormat.OPENPOSE, path, size.width(), size.height(), fps,
                combined != null ? combined.frames() : files.size());
        return new Frames(header, combined != null, files);
    }

    /** The frames of a folder of per-frame files, or of our own single file (combined). */
    private record Frames(KeypointHeader header, boolean combined, List<Path> files) implements KeypointStream {
        @Override
        public KeypointSummary frames(Consumer<FramePoses> sink) throws KeypointFileException {
            Conversion conversion = new Conversion(header, new KeypointSummary.Tally(sink));
            if (combined) {
                Path file = files.getFirst();
                try (JsonParser p = JsonStreams.atFrames(file)) {
                    for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                        JsonNode f = p.readValueAsTree();
                        String where = header.source().getFileName() + ", frame " + i;
                        conversion.accept(new Entry(f.has("frame") ? f.get("frame").asLong() : i, f.has("time_s") ? f.get("time_s").asDouble() : Double.NaN,
                                people(f, where), where));
                    }
                } catch (JacksonException e) {
                    throw JsonStreams.invalid(file, e);
                }
            } else {
                for (int i = 0; i < files.size(); i++) {
                    Path file = files.get(i);
                    conversion.accept(new Entry(frameNumber(file, i), Double.NaN, people(tree(file), file.getFileName().toString()), file.getFileName().toString()));
                }
            }
            return conversion.summary();
        }
    }

    /** OpenPose's frames in our landmarks, one at a time: the model (BODY_25 or COCO-18) must stay one, frames must go forward. */
    private static final class Conversion {
        private final KeypointHeader header;
        private final KeypointSummary.Tally tally;
        private String layout;
        private long previous = -1;

        Conversion(KeypointHeader header, KeypointSummary.Tally tally) {
            this.header = header;
            this.tally = tally;
        }

        void accept(Entry entry) throws KeypointFileException {
            String file = entry.where();
            long index = entry.frame();
            if (index <= previous)
                throw KeypointFileException.unreadable(file + ": frame " + index + " again or out of order; keep one OpenPose output per folder");
            previous = index;
            List<PersonPose> persons = new ArrayList<>();
            for (JsonNode person : entry.people()) {
                JsonNode values = person.has("pose_keypoints_2d") ? person.get("pose_keypoints_2d") : person.get("pose_keypoints");
                if (values == null || !values.isArray())
                    throw KeypointFileException.unreadable(file + ": a person without pose_keypoints_2d; is it OpenPose's --write_json output?");
                String thisLayout = switch (values.size()) {
                    case 75 -> "BODY_25";
                    case 54 -> "COCO_18";
                    default -> throw KeypointFileException.unreadable(String.format(Locale.ROOT,
                            "%s: a person with %d numbers in pose_keypoints_2d; expected 75 (BODY_25) or 54 (COCO-18), i.e. x, y, confidence per keypoint",
                            file, values.size()));
                };
                if (layout != null && !layout.equals(thisLayout))
                    throw KeypointFileException.unreadable(file + ": " + thisLayout + " keypoints after " + layout + " ones; one model's output per folder");
                layout = thisLayout;
                PersonPose pose = person(values, thisLayout.equals("BODY_25") ? BodyParts.BODY_25 : BodyParts.COCO_18, file);
                if (pose != null) persons.add(pose);
            }
            tally.accept(new FramePoses(index, Double.isNaN(entry.timeS()) ? index / header.fps() : entry.timeS(), header.width(), header.height(), persons));
        }

        KeypointSummary summary() {
            List<String> notes = List.of("BODY_25".equals(layout)
                    ? "OpenPose's Neck, MidHip and small toes have no counterpart in our landmarks and were left out"
                    : "OpenPose's Neck has no counterpart in our landmarks and was left out; COCO-18 has no heels or toes (no ankle angles)");
            return tally.summary(header, layout == null ? "BODY_25" : layout, notes);
        }
    }

    /**
     * The head of a single file with "frames" (our keypoints.json), its frames counted token by token; null for one
     * OpenPose frame (or anything else, said when it is read).
     */
    private static JsonStreams.FramesObject combined(Path file) throws KeypointFileException {
        try (JsonParser p = JSON.createParser(file.toFile())) {
            JsonToken root = p.nextToken();
            if (root == null) throw KeypointFileException.unreadable(file.getFileName() + ": empty file; expected OpenPose JSON");
            JsonStreams.FramesObject o = null;
            if (root == JsonToken.START_OBJECT) {
                o = JsonStreams.framesObject(p, JsonStreams::count);
            } else {
                p.skipChildren();
            }
            JsonStreams.nothingAfter(p, file);
            return o == null || o.frames() == null ? null : o;
        } catch (JacksonException e) {
            throw JsonStreams.invalid(file, e);
        }
    }

    private static PersonPose person(JsonNode values, List<String> names, String file) throws KeypointFileException {
        Keypoint[] k = Persons.missing();
        for (int j = 0; j < names.size(); j++) {
            double x = number(values.get(3 * j), file), y = number(values.get(3 * j + 1), file), c = number(values.get(3 * j + 2), file);
            if (c <= 0) continue; // OpenPose's "not found"
            int ours = BodyParts.fromOpenPose(names.get(j)).orElse(-1);
            if (ours < 0) continue;
            double v = BodyParts.visibilityOfOpenPose(c);
            k[ours] = new Keypoint(x, y, 0, v, v);
        }
        return Persons.of(k, null);
    }

    private static double number(JsonNode n, String file) throws KeypointFileException {
        if (n == null || !n.isNumber()) throw KeypointFileException.unreadable(file + ": pose_keypoints_2d holds something other than numbers");
        double v = n.asDouble();
        if (!Double.isFinite(v)) throw KeypointFileException.unreadable(file + ": pose_keypoints_2d holds a number that is not finite");
        return v;
    }

    /** One frame as read: its number, its time when the file has it (else NaN), its people, and where it is for messages. */
    private record Entry(long frame, double timeS, JsonNode people, String where) {}

    private static JsonNode tree(Path file) throws KeypointFileException {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || root.isMissingNode()) throw KeypointFileException.unreadable(file.getFileName() + ": empty file; expected OpenPose JSON");
            return root;
        } catch (JacksonException e) {
            throw JsonStreams.invalid(file, e);
        }
    }

    private static JsonNode people(JsonNode frame, String where) throws KeypointFileException {
        JsonNode people = frame.get("people");
        if (people == null || !people.isArray())
            throw KeypointFileException.unreadable(where + ": no \"people\" list; OpenPose's --write_json files have one per frame");
        return people;
    }

    private static List<Path> files(Path path) throws KeypointFileException {
        if (Files.isRegularFile(path)) return List.of(path);
        if (!Files.isDirectory(path)) throw KeypointFileException.unreadable(path + ": no such file or folder");
        try (Stream<Path> list = Files.list(path)) {
            List<Path> files = list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") && Files.isRegularFile(p))
                    .sorted(Comparator.comparingLong((Path p) -> frameNumber(p, 0)).thenComparing(Path::toString)).toList();
            if (files.isEmpty())
                throw KeypointFileException.unreadable(path + ": no .json files; OpenPose writes one *_keypoints.json per frame (--write_json)");
            return files;
        } catch (IOException e) {
            throw KeypointFileException.unreadable(path + ": cannot list the folder (" + e.getMessage() + ")");
        }
    }

    /** OpenPose's frame counter: the last run of digits in the name ("clip_000000000012_keypoints.json" → 12). */
    static long frameNumber(Path file, long otherwise) {
        Matcher m = DIGITS.matcher(file.getFileName().toString());
        if (!m.find()) return otherwise;
        try {
            return Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
