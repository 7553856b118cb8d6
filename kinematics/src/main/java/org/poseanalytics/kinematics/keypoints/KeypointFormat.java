package org.poseanalytics.kinematics.keypoints;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/** The keypoint formats we import, by the name {@code --format} takes, and how to tell them from a path. */
public enum KeypointFormat {
    OPENPOSE("openpose", "OpenPose"), MEDIAPIPE("mediapipe", "MediaPipe"), TRC("trc", "TRC");

    private final String id;
    private final String label;

    KeypointFormat(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() { return id; }

    public String label() { return label; }

    public static KeypointFormat parse(String text) {
        for (KeypointFormat f : values()) if (f.id.equalsIgnoreCase(text.trim())) return f;
        throw new IllegalArgumentException("--format must be openpose, mediapipe or trc; got '" + text + "'");
    }

    /**
     * A folder is OpenPose's per-frame output; a .trc file is a marker file; a JSON file is one OpenPose frame when it
     * has OpenPose's "people" list, else MediaPipe. Anything else is refused saying to name the format.
     */
    public static KeypointFormat detect(Path path) throws KeypointFileException {
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.list(path)) {
                if (files.anyMatch(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))) return OPENPOSE;
            } catch (IOException e) {
                throw KeypointFileException.unreadable(path + ": cannot list the folder (" + e.getMessage() + ")");
            }
            throw KeypointFileException.unreadable(path + ": the folder holds no .json files; OpenPose writes one *_keypoints.json per frame (--write_json)");
        }
        if (!Files.isRegularFile(path)) throw KeypointFileException.unreadable(path + ": no such file or folder");
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".trc")) return TRC;
        if (name.endsWith(".json")) {
            String head = head(path);
            return head.contains("\"people\"") || head.contains("\"openpose\"") ? OPENPOSE : MEDIAPIPE;
        }
        throw KeypointFileException.unreadable(path + ": cannot tell the keypoint format from the name; give --format openpose, mediapipe or trc");
    }

    private static String head(Path file) throws KeypointFileException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw KeypointFileException.unreadable(file + ": cannot read it (" + e.getMessage() + ")");
        }
    }
}
