package org.poseanalytics.kinematics.keypoints;

import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
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

    /** Refuses anything after the file's one value, as reading its tree does. */
    static void nothingAfter(JsonParser p, Path file) throws KeypointFileException {
        JsonToken extra = p.nextToken();
        if (extra != null) throw KeypointFileException.unreadable(file.getFileName() + ": not valid JSON (Trailing token (`JsonToken." + extra + "`) found after value)");
    }

    static KeypointFileException invalid(Path file, JacksonException e) {
        return KeypointFileException.unreadable(file.getFileName() + ": not valid JSON (" + e.getOriginalMessage() + ")");
    }
}
