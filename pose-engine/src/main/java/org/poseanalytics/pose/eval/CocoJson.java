package org.poseanalytics.pose.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads COCO keypoint annotation files and keypoint results files, and writes results files. Errors name
 * the file and the entry at fault, because these files are often hand-made or converted.
 */
public final class CocoJson {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private CocoJson() {}

    public static CocoDataset readDataset(Path file) {
        JsonNode root = readTree(file);
        if (!root.isObject()) throw new CocoFormatException(file + ": a COCO annotation file is a JSON object with 'images' and 'annotations'");
        JsonNode imagesNode = root.path("images");
        JsonNode annotationsNode = root.path("annotations");
        if (!imagesNode.isArray()) throw new CocoFormatException(file + ": no 'images' list (is this a COCO annotation file?)");
        if (!annotationsNode.isArray()) throw new CocoFormatException(file + ": no 'annotations' list (is this a COCO annotation file?)");

        List<CocoImage> images = new ArrayList<>();
        for (int i = 0; i < imagesNode.size(); i++) {
            JsonNode n = imagesNode.get(i);
            String where = file + ": images[" + i + "]";
            images.add(new CocoImage(requireLong(n, "id", where), n.path("file_name").asString(""),
                    n.path("width").asInt(0), n.path("height").asInt(0)));
        }
        List<CocoAnnotation> annotations = new ArrayList<>();
        for (int i = 0; i < annotationsNode.size(); i++) {
            JsonNode n = annotationsNode.get(i);
            String where = file + ": annotations[" + i + "]";
            double[] keypoints = keypoints(n, where);
            double[] bbox = numbers(n.path("bbox"), where + ".bbox");
            if (bbox.length != 4) throw new CocoFormatException(where + ": 'bbox' must be [x, y, width, height]");
            // pycocotools reads num_keypoints as given; files without it get the count of labelled points.
            int numKeypoints = n.has("num_keypoints") ? n.get("num_keypoints").asInt() : countLabelled(keypoints);
            annotations.add(new CocoAnnotation(requireLong(n, "id", where), requireLong(n, "image_id", where),
                    n.path("category_id").asLong(1), keypoints, numKeypoints,
                    requireDouble(n, "area", where), bbox, n.path("iscrowd").asInt(0) != 0));
        }
        Set<Long> categories = new LinkedHashSet<>();
        for (JsonNode c : root.path("categories")) categories.add(c.path("id").asLong());
        if (categories.isEmpty()) annotations.forEach(a -> categories.add(a.categoryId()));
        return new CocoDataset(images, annotations, new ArrayList<>(categories));
    }

    public static List<CocoDetection> readDetections(Path file) {
        JsonNode root = readTree(file);
        if (!root.isArray()) throw new CocoFormatException(file + ": a COCO results file is a JSON list of {image_id, category_id, keypoints, score}");
        List<CocoDetection> detections = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode n = root.get(i);
            String where = file + ": [" + i + "]";
            detections.add(new CocoDetection(requireLong(n, "image_id", where), n.path("category_id").asLong(1),
                    keypoints(n, where), requireDouble(n, "score", where)));
        }
        return detections;
    }

    public static void writeDetections(Path file, List<CocoDetection> detections) {
        ArrayNode list = JSON.createArrayNode();
        for (CocoDetection d : detections) {
            ObjectNode n = list.addObject();
            n.put("image_id", d.imageId());
            n.put("category_id", d.categoryId());
            ArrayNode kps = n.putArray("keypoints");
            for (double v : d.keypoints()) kps.add(v);
            n.put("score", d.score());
        }
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            JSON.writeValue(file, list);
        } catch (IOException | JacksonException e) {
            throw new CocoFormatException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode readTree(Path file) {
        try {
            if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString());
            return JSON.readTree(file);
        } catch (NoSuchFileException e) {
            throw new CocoFormatException(file + ": no such file");
        } catch (JacksonException e) {
            throw new CocoFormatException(file + ": malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CocoFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static double[] keypoints(JsonNode n, String where) {
        if (!n.has("keypoints")) throw new CocoFormatException(where + ": no 'keypoints' (only keypoint annotations and results can be evaluated)");
        double[] values = numbers(n.get("keypoints"), where + ".keypoints");
        if (values.length == 0 || values.length % 3 != 0) {
            throw new CocoFormatException(where + ": 'keypoints' must be x, y, v triples, got " + values.length + " numbers");
        }
        return values;
    }

    private static double[] numbers(JsonNode array, String where) {
        if (!array.isArray()) throw new CocoFormatException(where + " must be a list of numbers");
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode v = array.get(i);
            if (!v.isNumber()) throw new CocoFormatException(where + "[" + i + "] is not a number: " + v);
            values[i] = v.doubleValue();
        }
        return values;
    }

    private static long requireLong(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber()) throw new CocoFormatException(where + ": missing or non-integer '" + field + "'");
        return v.longValue();
    }

    private static double requireDouble(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber()) throw new CocoFormatException(where + ": missing or non-numeric '" + field + "'");
        return v.doubleValue();
    }

    private static int countLabelled(double[] keypoints) {
        int count = 0;
        for (int i = 2; i < keypoints.length; i += 3) if (keypoints[i] > 0) count++;
        return count;
    }
}
