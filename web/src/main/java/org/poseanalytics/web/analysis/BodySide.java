package org.poseanalytics.web.analysis;

/** The person's own side of an angle or metric; NONE for midline measures and session-wide counts. */
public enum BodySide {
    LEFT, RIGHT, NONE;

    /** As stored: "left", "right", "none". */
    public String code() { return name().toLowerCase(); }

    /** "left_", "right_" or "", as written in column and metric names. */
    public String prefix() { return this == NONE ? "" : code() + "_"; }

    public static BodySide of(String code) { return valueOf(code.toUpperCase()); }
}
