package org.poseanalytics.kinematics;

import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.scale.Scale;
import org.poseanalytics.tracking.FilteredSeries;

/**
 * What the kinematics stage reads: the subject's filtered series with what the filter chain did (interpolated
 * samples, long gaps, repaired swaps), the exercise (null: guess it), the subject's involved side for the limb
 * symmetry index (NONE: not known, symmetry is stated left against right), and the displayed frame's size in pixels
 * (0 when unknown) to tell keypoints outside the frame, and the scale that gives jump heights, gait speed and step
 * lengths in metres ({@link Scale#none()}: those figures are not given in metres). {@code worldMeasured}: the world
 * landmarks are measured (triangulated from several cameras), not one camera's pose model guessing depth (the default).
 */
public record KinematicsInput(FilteredSeries filtered, Exercise exercise, Side involvedSide, int frameWidth, int frameHeight, Scale scale,
                              boolean worldMeasured) {
    public KinematicsInput {
        if (filtered == null) throw new IllegalArgumentException("no keypoint series to analyse");
        if (involvedSide == null) involvedSide = Side.NONE;
        if (scale == null) scale = Scale.none();
    }

    /** One camera: the world landmarks, if any, are the pose model's guess. */
    public KinematicsInput(FilteredSeries filtered, Exercise exercise, Side involvedSide, int frameWidth, int frameHeight, Scale scale) {
        this(filtered, exercise, involvedSide, frameWidth, frameHeight, scale, false);
    }

    /** Without a scale. */
    public KinematicsInput(FilteredSeries filtered, Exercise exercise, Side involvedSide, int frameWidth, int frameHeight) {
        this(filtered, exercise, involvedSide, frameWidth, frameHeight, Scale.none());
    }
}
