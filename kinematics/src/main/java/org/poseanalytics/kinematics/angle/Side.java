package org.poseanalytics.kinematics.angle;

/** The person's own side; NONE for midline measures (trunk, pelvis) and session-wide values. */
public enum Side {
    LEFT, RIGHT, NONE;

    /** "left", "right" or "none", as the CSVs and the database write it. */
    public String id() { return name().toLowerCase(java.util.Locale.ROOT); }

    public static Side parse(String id) { return valueOf(id.trim().toUpperCase(java.util.Locale.ROOT)); }

    /** "left_", "right_" or "" as written in column and metric names. */
    public String prefix() {
        return switch (this) {
            case LEFT -> "left_";
            case RIGHT -> "right_";
            case NONE -> "";
        };
    }

    public Side other() {
        return switch (this) {
            case LEFT -> RIGHT;
            case RIGHT -> LEFT;
            case NONE -> NONE;
        };
    }
}
