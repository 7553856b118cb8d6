package org.poseanalytics.kinematics.exercise;

/** The exercise an analysis used, whether it was given or guessed, and why. */
public record ExerciseChoice(Exercise exercise, boolean guessed, String reason) {

    public static ExerciseChoice given(Exercise e) { return new ExerciseChoice(e, false, "given"); }
}
