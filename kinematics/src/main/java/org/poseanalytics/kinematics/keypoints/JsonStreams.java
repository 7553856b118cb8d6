package org.poseanalytics.kinematics.keypoints;

import java.nio.file.Path;
import java.util.function.ToIntFunction;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the JSON formats share when they stream a file rather than read its tree: a parser placed at the list of frames,
 * and the same refusals reading the whole tree gave (anything after the one value, broken JSON).
 */
final class JsonStreams {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonStreams() {}

    /** A parser of a file whose first pass found its frames, placed at the start of the list: the file itself, or its "frames". */
    static JsonParser atFrames(Path file) {
        JsonParser p = JSON.createParser(file.toFile());
        if (p.nextToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                if (key.equals("frames") && value == JsonToken.START_ARRAY) return p;
                p.skipChildren();
            }
        }
        return p;
    }

    /** The elements of the list the parser is at, skipped; leaves the parser at the list's end. */
    static int count(JsonParser p) {
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            p.skipChildren();
            n++;
        }
        return n;
    }

    /**
     * What an object of frames ({@code {"fps": …, "width": …, "height": …, "frames": [...]}}) says of itself: its
     * "fps", "width" and "height" (null when absent) and the number of frames {@code skim} counted (null without
     * "frames", -1 when "frames" is not a list). Read from just after the object's start to its end.
     */
    record FramesObject(JsonNode fps, JsonNode width, JsonNode height, Integer frames) {}

    static FramesObject framesObject(JsonParser p, ToIntFunction<JsonParser> skim) {
        JsonNode fps = null, width = null, height = null;
        Integer frames = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = p.currentName();
            JsonToken value = p.nextToken();
            switch (key) {
                case "fps" -> fps = p.readValueAsTree();
                case "width" -> width = p.readValueAsTree();
                case "height" -> height = p.readValueAsTree();
                case "frames" -> {
                    if (value == JsonToken.START_ARRAY) {
                        frames = skim.applyAsInt(p);
                    } else {
                        frames = -1;
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        return new FramesObject(fps, width, height, frames);
    }

    /** Refuses anything after the file's one value, as reading its tree does. */
    static void nothingAfter(JsonParser p, Path file) throws KeypointFileException {
        JsonToken extra = p.nextToken();
        if (extra != null) throw KeypointFileException.unreadable(file.getFileName() + ": not valid JSON (Trailing token (`JsonToken." + extra + "`) found after value)");
    }

    static KeypointFileException invalid(Path file, JacksonException e) {
        return KeypointFileException.unreadable(file.getFileName() + ": not valid JSON (" + e.getOriginalMessage() + ")");
    }
}
