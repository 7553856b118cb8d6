package org.poseanalytics.kinematics.exercise;

import static org.poseanalytics.kinematics.angle.JointAngle.*;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.poseanalytics.kinematics.angle.JointAngle;
import org.poseanalytics.kinematics.repetition.Polarity;

/**
 * The exercise templates: which angle drives repetition counting, which way a repetition moves it, which phase
 * comes first, and which angles a clinician reads for this exercise. Ids are the CLI's {@code --exercise} values.
 */
public enum Exercise {
    SQUAT("squat", Analysis.REPETITIONS, KNEE_FLEXION, Sides.MEAN, Polarity.RISES, true,
            List.of(KNEE_FLEXION, HIP_FLEXION, ANKLE_DORSIFLEXION, TRUNK_LEAN_SAGITTAL, KNEE_VALGUS),
            "squats", "air-squat", "back-squat", "bodyweight-squat"),
    LUNGE("lunge", Analysis.REPETITIONS, KNEE_FLEXION, Sides.MEAN, Polarity.RISES, true,
            List.of(KNEE_FLEXION, HIP_FLEXION, TRUNK_LEAN_SAGITTAL, KNEE_VALGUS),
            "lunges", "split-squat", "forward-lunge"),
    SIT_TO_STAND("sit-to-stand", Analysis.REPETITIONS, KNEE_FLEXION, Sides.MEAN, Polarity.FALLS, false,
            List.of(KNEE_FLEXION, HIP_FLEXION, TRUNK_LEAN_SAGITTAL),
            "sts", "chair-stand", "chair-rise", "5xsts", "sit-stand"),
    KNEE_ROM("knee-rom", Analysis.REPETITIONS, KNEE_FLEXION, Sides.MOVING, Polarity.RISES, false,
            List.of(KNEE_FLEXION, HIP_FLEXION),
            "knee", "knee-flexion", "knee-extension", "knee-flexion-extension"),
    SHOULDER_ABDUCTION("shoulder-abduction", Analysis.REPETITIONS, JointAngle.SHOULDER_ABDUCTION, Sides.MOVING, Polarity.RISES, false,
            List.of(JointAngle.SHOULDER_ABDUCTION, ELBOW_FLEXION, TRUNK_LEAN_FRONTAL),
            "shoulder-abd", "abduction", "lateral-raise"),
    SHOULDER_FLEXION("shoulder-flexion", Analysis.REPETITIONS, JointAngle.SHOULDER_FLEXION, Sides.MOVING, Polarity.RISES, false,
            List.of(JointAngle.SHOULDER_FLEXION, ELBOW_FLEXION, TRUNK_LEAN_SAGITTAL),
            "shoulder-flex", "forward-raise", "front-raise"),
    GAIT("gait", Analysis.GAIT, KNEE_FLEXION, Sides.MEAN, Polarity.RISES, false,
            List.of(KNEE_FLEXION, HIP_FLEXION, ANKLE_DORSIFLEXION, PELVIC_TILT_FRONTAL, TRUNK_LEAN_FRONTAL),
            "walk", "walking"),
    CMJ("cmj", Analysis.JUMP, KNEE_FLEXION, Sides.MEAN, Polarity.RISES, true,
            List.of(KNEE_FLEXION, HIP_FLEXION, KNEE_VALGUS),
            "countermovement-jump", "jump", "jump-landing", "counter-movement-jump"),
    /** No template: range of motion of every angle, repetitions on whichever main angle moved most. */
    GENERIC("generic", Analysis.REPETITIONS, KNEE_FLEXION, Sides.MOVING, Polarity.RISES, false,
            List.of(KNEE_FLEXION, HIP_FLEXION, ELBOW_FLEXION, JointAngle.SHOULDER_FLEXION, JointAngle.SHOULDER_ABDUCTION),
            "rom", "generic-rom", "other");

    /** Which analysis runs after the angles. */
    public enum Analysis { REPETITIONS, GAIT, JUMP }

    /** How the two sides make the repetition signal. */
    public enum Sides {
        /** Bilateral movement: the mean of left and right (either one where the other is missing). */
        MEAN,
        /** Often one-sided: the side whose angle has the larger range in the session. */
        MOVING
    }

    private final String id;
    private final Analysis analysis;
    private final JointAngle signal;
    private final Sides sides;
    private final Polarity polarity;
    private final boolean eccentricFirst;
    private final List<JointAngle> primaryAngles;
    private final List<String> aliases;

    Exercise(String id, Analysis analysis, JointAngle signal, Sides sides, Polarity polarity, boolean eccentricFirst,
             List<JointAngle> primaryAngles, String... aliases) {
        this.id = id;
        this.analysis = analysis;
        this.signal = signal;
        this.sides = sides;
        this.polarity = polarity;
        this.eccentricFirst = eccentricFirst;
        this.primaryAngles = primaryAngles;
        this.aliases = List.of(aliases);
    }

    public String id() { return id; }

    public Analysis analysis() { return analysis; }

    /** The angle repetitions are counted on. */
    public JointAngle signal() { return signal; }

    public Sides sides() { return sides; }

    public Polarity polarity() { return polarity; }

    /** Whether moving away from rest is the eccentric (lengthening) phase: squat yes, raising an arm no. */
    public boolean eccentricFirst() { return eccentricFirst; }

    /** The angles reported per repetition and per session for this exercise. */
    public List<JointAngle> primaryAngles() { return primaryAngles; }

    public List<String> aliases() { return aliases; }

    /**
     * The template for a CLI id or alias (case, spaces and underscores ignored), or null for null/blank/"auto"
     * (meaning: guess). Unknown names fail with the list of known ids.
     */
    public static Exercise parse(String name) {
        if (name == null || name.isBlank()) return null;
        String key = name.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        if (key.equals("auto")) return null;
        for (Exercise e : values()) if (e.id.equals(key) || e.aliases.contains(key)) return e;
        throw new IllegalArgumentException("unknown exercise '" + name + "'; known: "
                + Arrays.stream(values()).map(Exercise::id).collect(Collectors.joining(", ")) + " (or auto)");
    }

    public static List<String> ids() { return Stream.of(values()).map(Exercise::id).toList(); }
}
