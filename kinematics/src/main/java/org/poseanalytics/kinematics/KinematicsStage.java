package org.poseanalytics.kinematics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.angle.JointAngle;
import org.poseanalytics.kinematics.angle.JointAngles;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.exercise.ExerciseChoice;
import org.poseanalytics.kinematics.exercise.ExerciseGuesser;
import org.poseanalytics.kinematics.exercise.RepetitionSignal;
import org.poseanalytics.kinematics.gait.GaitAnalyzer;
import org.poseanalytics.kinematics.gait.GaitEvent;
import org.poseanalytics.kinematics.jump.JumpAnalyzer;
import org.poseanalytics.kinematics.metric.AngleMetrics;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.repetition.Repetition;
import org.poseanalytics.kinematics.repetition.RepetitionDetector;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * The one call the CLI and the web app make: filtered keypoints of the analysed subject in, angles, exercise,
 * repetitions and metrics out. Steps: angles → exercise (given or guessed) → repetitions / gait / jumps → metrics.
 */
public final class KinematicsStage {
    private final RepetitionDetector repetitions;

    public KinematicsStage(RepetitionDetector repetitions) { this.repetitions = repetitions; }

    public KinematicsStage() { this(new RepetitionDetector()); }

    /** @param exerciseOrNull the template (see {@link Exercise#parse}); null to guess it */
    public KinematicsResult analyze(KeypointSeries filtered, Exercise exerciseOrNull) {
        if (filtered == null) throw new IllegalArgumentException("no keypoint series to analyse");
        if (filtered.length() < 2) throw new IllegalArgumentException("a kinematics analysis needs at least 2 samples, got " + filtered.length());
        AngleTable angles = JointAngles.compute(filtered);
        ExerciseChoice choice = exerciseOrNull != null ? ExerciseChoice.given(exerciseOrNull) : ExerciseGuesser.guess(filtered, angles);
        Exercise exercise = choice.exercise();
        List<JointAngle> reported = exercise == Exercise.GENERIC ? List.of(JointAngle.values()) : exercise.primaryAngles();
        List<MetricRecord> metrics = new ArrayList<>();
        List<Repetition> reps = List.of();
        List<GaitEvent> events = List.of();
        String signalName = "";
        switch (exercise.analysis()) {
            case GAIT -> {
                GaitAnalyzer.Result gait = new GaitAnalyzer().analyze(filtered);
                events = gait.events();
                metrics.addAll(gait.metrics());
            }
            case JUMP -> {
                Optional<RepetitionSignal> signal = RepetitionSignal.choose(angles, exercise.signal(), exercise.sides());
                if (signal.isPresent()) {
                    signalName = signal.get().name();
                    JumpAnalyzer.Result jumps = new JumpAnalyzer().analyze(filtered, angles, signal.get().valuesDeg(), signalName);
                    reps = jumps.jumps();
                    metrics.addAll(jumps.metrics());
                }
            }
            case REPETITIONS -> {
                Optional<RepetitionSignal> signal = exercise == Exercise.GENERIC ? mostMoving(angles) : RepetitionSignal.choose(angles, exercise.signal(), exercise.sides());
                if (signal.isPresent()) {
                    signalName = signal.get().name();
                    reps = repetitions.detect(angles.frames(), angles.timesS(), signal.get().valuesDeg(), exercise.polarity(), exercise.eccentricFirst(), signalName);
                    metrics.addAll(AngleMetrics.repetitions(angles, reported, exercise.polarity(), reps));
                }
            }
        }
        metrics.addAll(AngleMetrics.sessionRom(angles, reported));
        return new KinematicsResult(angles, choice, signalName, reps, events, metrics, filtered.filter());
    }

    /** Generic report: count repetitions on whichever main joint moved most. */
    private static Optional<RepetitionSignal> mostMoving(AngleTable angles) {
        return Exercise.GENERIC.primaryAngles().stream()
                .map(a -> RepetitionSignal.choose(angles, a, Exercise.Sides.MOVING))
                .flatMap(Optional::stream)
                .max(java.util.Comparator.comparingDouble(s -> RepetitionSignal.range(s.valuesDeg())));
    }
}
