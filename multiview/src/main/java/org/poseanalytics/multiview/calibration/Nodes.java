package org.poseanalytics.multiview.calibration;

import tools.jackson.databind.JsonNode;

/** Reading numbers out of a parsed tree (TOML or JSON) with messages that say which file and which field is wrong. */
final class Nodes {
    private Nodes() {}

    static JsonNode required(JsonNode parent, String field, String where) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) throw new CalibrationFormatException(where + ": missing '" + field + "'");
        return n;
    }

    /** A flat list of numbers, or a list of lists flattened row by row; {@code expected} values exactly (0: any). */
    static double[] numbers(JsonNode parent, String field, int expected, String where) {
        JsonNode n = required(parent, field, where);
        java.util.List<Double> out = new java.util.ArrayList<>();
        flatten(n, out, where + ": '" + field + "'");
        if (expected > 0 && out.size() != expected)
            throw new CalibrationFormatException(where + ": '" + field + "' must hold " + expected + " numbers, found " + out.size());
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void flatten(JsonNode n, java.util.List<Double> out, String what) {
        if (n.isArray()) {
            for (JsonNode c : n) flatten(c, out, what);
        } else if (n.isNumber()) {
            out.add(n.asDouble());
        } else if (n.isString()) {
            try {
                out.add(Double.parseDouble(n.asString().trim()));
            } catch (NumberFormatException e) {
                throw new CalibrationFormatException(what + " holds '" + n.asString() + "', not a number");
            }
        } else {
            throw new CalibrationFormatException(what + " must be numbers, found " + n.getNodeType().name().toLowerCase());
        }
    }
}
