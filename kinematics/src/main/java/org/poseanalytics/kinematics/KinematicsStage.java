package org.poseanalytics.kinematics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.angle.Dimension;
import org.poseanalytics.kinematics.angle.JointAngle;
import org.poseanalytics.kinematics.angle.JointAngles;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.exercise.ExerciseChoice;
import org.poseanalytics.kinematics.exercise.ExerciseGuesser;
import org.poseanalytics.kinematics.exercise.RepetitionSignal;
import org.poseanalytics.kinematics.gait.FootQuality;
import org.poseanalytics.kinematics.gait.GaitAnalyzer;
import org.poseanalytics.kinematics.gait.GaitEvent;
import org.poseanalytics.kinematics.jump.JumpAnalyzer;
import org.poseanalytics.kinematics.metric.AngleMetrics;
import org.poseanalytics.kinematics.metric.Headline;
import org.poseanalytics.kinematics.metric.Headlines;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.metric.SymmetryMetrics;
import org.poseanalytics.kinematics.rating.QualityRule;
import org.poseanalytics.kinematics.rating.Rating;
import org.poseanalytics.kinematics.repetition.Repetition;
import org.poseanalytics.kinematics.repetition.RepetitionDetector;
import org.poseanalytics.kinematics.view.ViewEstimator;
import org.poseanalytics.kinematics.view.ViewSummary;
import org.poseanalytics.kinematics.view.ViewTrack;
import org.poseanalytics.tracking.FilteredSeries;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * The one call the CLI and the web app make: the analysed subject's filtered keypoints in, angles, camera view,
 * exercise, repetitions, rated metrics and the exercise's headline figures out. Steps: angles (each sample rated) and
 * view → exercise (given or guessed) → repetitions / gait / jumps on usable samples → metrics → symmetry → headlines.
 */
public final class KinematicsStage {
    private final RepetitionDetector repetitions;

    public KinematicsStage(RepetitionDetector repetitions) { this.repetitions = repetitions; }

    public KinematicsStage() { this(new RepetitionDetector()); }

    /** The entry: angles rated by {@link JointAngles#compute(FilteredSeries, int, int, boolean)}, the view by {@link ViewEstimator}. */
    public KinematicsResult analyze(KinematicsInput input) {
        KeypointSeries series = input.filtered().series();
        if (series.length() < 2) throw new IllegalArgumentException("a kinematics analysis needs at least 2 samples, got " + series.length());
        AngleTable angles = JointAngles.compute(input.filtered(), input.frameWidth(), input.frameHeight(), input.worldMeasured());
        return analyze(input, angles, ViewEstimator.estimate(series));
    }

    /** Convenience for tests: a series nothing was interpolated in, frame size and involved side unknown. */
    public KinematicsResult analyze(KeypointSeries filtered, Exercise exerciseOrNull) {
        if (filtered == null) throw new IllegalArgumentException("no keypoint series to analyse");
        return analyze(new KinematicsInput(FilteredSeries.asIs(filtered, Double.NaN), exerciseOrNull, Side.NONE, 0, 0));
    }

    /**
     * The stage after the angles, for {@link #analyze(KinematicsInput)} and for tests that rate the angles themselves.
     */
    public KinematicsResult analyze(KinematicsInput input, AngleTable angles, ViewTrack viewTrack) {
        KeypointSeries filtered = input.filtered().series();
        ViewSummary view = viewTrack.summary();
        ExerciseChoice choice = input.exercise() != null ? ExerciseChoice.given(input.exercise()) : ExerciseGuesser.guess(filtered, angles);
        Exercise exercise = choice.exercise();
        List<JointAngle> reported = exercise == Exercise.GENERIC ? List.of(JointAngle.values()) : exercise.primaryAngles();
        List<MetricRecord> metrics = new ArrayList<>();
        List<Repetition> reps = List.of();
        List<GaitEvent> events = List.of();
        Set<String> symmetric = new LinkedHashSet<>();
        String signalName = "";
        switch (exercise.analysis()) {
            case GAIT -> {
                GaitAnalyzer.Result gait = new GaitAnalyzer().analyze(filtered, input.filtered().interpolated(), input.frameWidth(),
                        input.frameHeight(), view, angles, input.scale());
                events = gait.events();
                metrics.addAll(gait.metrics());
                symmetric.add("step_time");
            }
            case JUMP -> {
                Optional<RepetitionSignal> signal = RepetitionSignal.choose(angles, exercise.signal(), exercise.sides(), view);
                Rating feet = FootQuality.rate(filtered, input.filtered().interpolated(), input.frameWidth(), input.frameHeight(), Side.LEFT, view, false)
                        .worst(FootQuality.rate(filtered, input.filtered().interpolated(), input.frameWidth(), input.frameHeight(), Side.RIGHT, view, false));
                if (signal.isPresent()) {
                    signalName = signal.get().name();
                    JumpAnalyzer.Result jumps = new JumpAnalyzer().analyze(filtered, angles, signal.get().valuesDeg(), signal.get().issues(),
                            signalName, feet, view, input.scale());
                    reps = jumps.jumps();
                    metrics.addAll(jumps.metrics());
                } else {
                    metrics.add(MetricRecord.session("jump_count", 0, "count", Side.NONE, noSignal(angles, exercise, view)));
                }
            }
            case REPETITIONS -> {
                Optional<RepetitionSignal> signal = exercise == Exercise.GENERIC ? mostMoving(angles, view)
                        : RepetitionSignal.choose(angles, exercise.signal(), exercise.sides(), view);
                if (signal.isPresent()) {
                    RepetitionSignal s = signal.get();
                    signalName = s.name();
                    QualityRule.Context context = new QualityRule.Context(s.dimension() == Dimension.IMAGE_2D ? s.plane() : null, view);
                    RepetitionDetector.Detection found = repetitions.detect(angles.frames(), angles.timesS(), s.valuesDeg(), s.issues(), context,
                            exercise.polarity(), exercise.eccentricFirst(), signalName);
                    reps = found.repetitions();
                    metrics.addAll(AngleMetrics.repetitions(angles, reported, exercise.polarity(), reps, countRating(s, context, found), view));
                } else {
                    metrics.add(MetricRecord.session("repetition_count", 0, "count", Side.NONE, noSignal(angles, exercise, view)));
                }
                for (JointAngle a : reported)
                    if (a.sided()) for (Dimension d : Dimension.values()) symmetric.add(a.id() + d.suffix() + "_rom_mean");
            }
        }
        metrics.addAll(AngleMetrics.sessionRom(angles, reported, view));
        metrics.addAll(SymmetryMetrics.of(metrics, List.copyOf(symmetric), input.involvedSide()));
        Headlines.Resolved headlines = Headlines.resolve(exercise.headlines(), metrics, view, input.involvedSide());
        for (MetricRecord d : headlines.derived()) {
            // A 2D figure the view cannot measure is replaced by its invalid form: the metrics say what the headline says.
            metrics.removeIf(m -> m.repetition() == null && m.key().equals(d.key()));
            metrics.add(d);
        }
        return new KinematicsResult(angles, choice, signalName, reps, events, metrics, filtered.filter(), view, headlines.headlines());
    }

    /** A count is as good as the signal it was made on; movements not counted for invalid samples lower it and are said. */
    private static Rating countRating(RepetitionSignal s, QualityRule.Context context, RepetitionDetector.Detection found) {
        Rating signal = QualityRule.rate(QualityRule.withGaps(s.valuesDeg(), s.issues()), context);
        if (found.dropped() == 0 || !signal.usable()) return signal;
        String dropped = found.dropped() + (found.dropped() == 1 ? " movement" : " movements") + " not counted (" + found.droppedReason() + ")";
        return Rating.low(signal.reason().isEmpty() ? dropped : signal.reason() + "; " + dropped);
    }

    /** Why no counting signal: the reason of its first unusable candidate (e.g. "sagittal-plane angle from a front view"). */
    private static Rating noSignal(AngleTable angles, Exercise exercise, ViewSummary view) {
        return angles.series().stream().filter(s -> s.angle() == exercise.signal())
                .sorted(Comparator.comparing(s -> s.dimension() == Dimension.WORLD_3D ? 0 : 1))
                .map(s -> s.dimension() == Dimension.IMAGE_2D && !QualityRule.facesCamera(s.angle().plane(), view.dominant())
                        ? Rating.invalid(s.angle().plane().adjective() + " angle from " + QualityRule.viewWords(view.dominant()))
                        : QualityRule.rate(QualityRule.withGaps(s.valuesDeg(), s.issues()),
                                new QualityRule.Context(s.dimension() == Dimension.IMAGE_2D ? s.angle().plane() : null, view)
                                        .withKeypoints(s.keypoints())))
                .filter(r -> !r.usable()).findFirst()
                .orElse(Rating.invalid(exercise.signal().id().replace('_', ' ') + " not measured in enough frames to count repetitions"));
    }

    /** Generic report: count repetitions on whichever main joint moved most. */
    private static Optional<RepetitionSignal> mostMoving(AngleTable angles, ViewSummary view) {
        return Exercise.GENERIC.primaryAngles().stream()
                .map(a -> RepetitionSignal.choose(angles, a, Exercise.Sides.MOVING, view))
                .flatMap(Optional::stream)
                .max(Comparator.comparingDouble(s -> RepetitionSignal.range(s.valuesDeg())));
    }

}
