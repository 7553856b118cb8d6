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
     * How to film this exercise so its headline figures are measurable; the session form shows it, and the analysis
     * page repeats it when the measured view or visibility made headline figures low or invalid.
     */
    public String filming() {
        return switch (this) {
            case SQUAT, LUNGE, CMJ -> "Film from the side (the camera at 90° to the direction the person faces) for knee, hip and ankle "
                    + "flexion and trunk lean, or from the front for knee valgus; camera at hip height, level, 3–5 m away, "
                    + "the whole body in frame for the whole set, 30 fps or more" + (this == CMJ ? " (60 fps or more for flight time)." : ".");
            case SIT_TO_STAND -> "Film from the side, the chair side-on to the camera; camera at hip height of the seated person, level, "
                    + "3–4 m away, chair and whole body in frame, 30 fps or more.";
            case KNEE_ROM -> "Film from the side of the moving leg, camera at knee height, level, 2–3 m away, hip, knee and ankle in "
                    + "frame throughout, 30 fps or more.";
            case SHOULDER_ABDUCTION -> "Film from the front (or the back), camera at shoulder height, level, 2–3 m away, hips to "
                    + "fingertips in frame with the arm overhead, 30 fps or more.";
            case SHOULDER_FLEXION -> "Film from the side of the moving arm, camera at shoulder height, level, 2–3 m away, hips to "
                    + "fingertips in frame with the arm overhead, 30 fps or more.";
            case GAIT -> "Film from the side, the walkway crossing the image, camera at hip height, level, 4–6 m from the walkway so "
                    + "at least two full strides are in frame, 50–60 fps if the camera can (30 fps at least).";
            case GENERIC -> "Film the plane the movement happens in face-on: from the side for bending forward and back, from the "
                    + "front for moving out to the side; camera level at the height of the joint, the whole body in frame, "
                    + "30 fps or more.";
        };
    }

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
