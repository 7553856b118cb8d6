package org.poseanalytics.kinematics.quality;

import java.util.List;

/**
 * Why one angle sample is not fully trusted; {@link #NONE} when it is. The first issue that applies wins, in the
 * order the quality stage checks them ({@link #CHECK_ORDER}: every invalid reason before the low ones, the cause
 * before its symptom). {@code code} is stable (stored per sample in the database): never renumber.
 */
public enum SampleIssue {
    NONE(0, Quality.VALID, ""),
    /** A keypoint of this angle was filled in over a short gap, not measured. */
    INTERPOLATED(1, Quality.LOW, "interpolated over a short gap"),
    /** The angle's plane is between the valid and the invalid tilt to the image (2D only). */
    OBLIQUE_VIEW(2, Quality.LOW, "oblique view of the angle's plane"),
    /** The angle's plane is seen nearly edge-on (2D only): a projection of it says nothing. */
    EDGE_ON_PLANE(3, Quality.INVALID, "plane seen edge-on from this camera"),
    /** A keypoint of this angle was barely visible to the model (occluded, or guessed outside the picture). */
    HIDDEN(4, Quality.INVALID, "keypoint hidden or out of view"),
    /** A keypoint of this angle lies outside the frame. */
    OUT_OF_FRAME(5, Quality.INVALID, "keypoint outside the frame"),
    /** No keypoint there (the person or the landmark was not tracked in this frame). */
    NOT_TRACKED(6, Quality.INVALID, "not tracked"),
    /** The value lies outside the angle's physiological limits. */
    IMPLAUSIBLE(7, Quality.INVALID, "outside the physiological range"),
    /** Left and right were confused in this frame and could not be repaired as a whole limb. */
    SIDE_CONFUSION(8, Quality.INVALID, "left and right confused"),
    /**
     * A segment of this 2D angle points at (or away from) the camera, so its image is under half its length and the
     * projected angle says nothing (the thigh of a deep squat filmed from the front), whatever the plane's tilt.
     */
    SEGMENT_TOWARD_CAMERA(9, Quality.INVALID, "limb pointing at the camera"),
    /**
     * The segment an angle is projected from points nearly perpendicular to the angle's plane (a thigh raised forward
     * read in the frontal plane): its projection turns on noise, in 2D and 3D alike.
     */
    UNSTABLE_PROJECTION(10, Quality.INVALID, "limb nearly perpendicular to the angle's plane"),
    /**
     * A lean or tilt against gravity where the trunk is far from upright for most of the recording: the camera is
     * turned (a video stored sideways or upside down), or the person lies down. "Vertical" is the picture's (2D) or
     * the world landmarks' (3D) up, so such a lean would be the camera's, not the person's.
     */
    NOT_UPRIGHT(11, Quality.INVALID, "person not upright in the picture (camera turned, or lying down)"),
    /**
     * A 3D angle's keypoints were seen in the image, but one has no 3D (world) position: the model's guess of its depth
     * jumped from its neighbours in time and the filter chain rejected it (noise the 2D angle does not share; common on
     * a small or distant person), or a clinician moved the point by hand, so the model's 3D no longer matches it.
     */
    NO_DEPTH(12, Quality.INVALID, "no 3D position (the model's depth guess jumped, or the point was moved by hand)"),
    /**
     * A segment of this 3D angle points more toward (or away from) the one camera than across the picture, so most of
     * its direction is the pose model's guess of depth, not something the picture shows (the foot filmed from the
     * front, the thigh at the bottom of a frontal squat). That guess differs by ~10° at the knee between two
     * implementations of the same model and moves the ankle by up to 10° between re-encodings of one video
     * (docs/BENCHMARKS.md, "World landmarks against MediaPipe's"). Only where the 3D comes from one camera's model;
     * triangulated points are measured.
     */
    DEPTH_GUESSED(13, Quality.LOW, "limb pointing at the camera, its 3D direction guessed by the model"),
    /**
     * A lean or tilt against gravity in a picture turned from level: the subject's straight legs lean sideways in it
     * ({@link org.poseanalytics.kinematics.angle.PictureRoll}), so "up" (the picture's, or one camera's world
     * landmarks') is the camera's, off by that much. A phone held askew turned the squat fixture's 26° trunk lean into
     * 35°.
     */
    PICTURE_TILTED(14, Quality.INVALID, "picture tilted, the camera not level (the straight legs lean sideways in it)");

    private final int code;
    private final Quality quality;
    private final String description;

    SampleIssue(int code, Quality quality, String description) {
        this.code = code;
        this.quality = quality;
        this.description = description;
    }

    public int code() { return code; }

    public Quality quality() { return quality; }

    /** A few words a clinician understands, e.g. "keypoint hidden". */
    public String description() { return description; }

    /**
     * The order the quality stage checks a sample in; the first that applies is the one reported. Missing data
     * first, then why a present keypoint cannot be trusted, then a plane seen edge-on (the cause of most implausible
     * 2D values, and the reason a clinician can act on: film from the side), then plausibility, then the low ones.
     */
    public static final List<SampleIssue> CHECK_ORDER = List.of(NOT_TRACKED, NO_DEPTH, SIDE_CONFUSION, OUT_OF_FRAME, HIDDEN,
            EDGE_ON_PLANE, NOT_UPRIGHT, PICTURE_TILTED, IMPLAUSIBLE, UNSTABLE_PROJECTION, SEGMENT_TOWARD_CAMERA, DEPTH_GUESSED,
            INTERPOLATED, OBLIQUE_VIEW, NONE);

    /** Whichever of this and {@code other} the quality stage reports: the one it checks first. */
    public SampleIssue first(SampleIssue other) {
        return CHECK_ORDER.indexOf(other) < CHECK_ORDER.indexOf(this) ? other : this;
    }

    /** Whether one keypoint is the reason (hidden, outside the frame, side-confused, interpolated), so a reason can name it. */
    public boolean aboutKeypoint() {
        return this == HIDDEN || this == OUT_OF_FRAME || this == SIDE_CONFUSION || this == INTERPOLATED;
    }

    public static SampleIssue ofCode(int code) {
        for (SampleIssue i : values()) if (i.code == code) return i;
        throw new IllegalArgumentException("unknown sample issue code " + code);
    }
}
