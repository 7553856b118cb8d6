package org.poseanalytics.kinematics.exercise;

import static org.poseanalytics.kinematics.angle.JointAngle.*;
import static org.poseanalytics.kinematics.metric.HeadlineSpec.angle;
import static org.poseanalytics.kinematics.metric.HeadlineSpec.bothSides;
import static org.poseanalytics.kinematics.metric.HeadlineSpec.imageOnly;
import static org.poseanalytics.kinematics.metric.HeadlineSpec.named;
import static org.poseanalytics.kinematics.metric.HeadlineSpec.symmetry;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.poseanalytics.kinematics.angle.JointAngle;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.metric.HeadlineSpec;
import org.poseanalytics.kinematics.metric.HeadlineSpec.Combine;
import org.poseanalytics.kinematics.metric.Headlines;
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
     * The template's lead figures (at most {@link Headlines#MAX}), each with what it is and which side; the analysis
     * fills in 2D or 3D by the camera's view (docs/ANGLES.md, "Headline figures per exercise").
     */
    public List<HeadlineSpec> headlines() {
        String perRep = " per repetition, mean over the complete repetitions";
        return switch (this) {
            case SQUAT -> List.of(
                    named("Repetitions", "squats counted on the mean knee flexion of both legs", "repetition_count"),
                    angle("Peak knee flexion (left)", "deepest left knee bend" + perRep, KNEE_FLEXION, "peak_mean", Side.LEFT),
                    angle("Peak knee flexion (right)", "deepest right knee bend" + perRep, KNEE_FLEXION, "peak_mean", Side.RIGHT),
                    bothSides("Peak hip flexion", "largest hip flexion (thigh against trunk)" + perRep + ", mean of left and right",
                            HIP_FLEXION, "peak_mean", Combine.MEAN_OF_SIDES),
                    angle("Peak forward trunk lean", "largest forward lean of the trunk from vertical" + perRep, TRUNK_LEAN_SAGITTAL, "peak_mean", Side.NONE),
                    imageOnly("Peak knee valgus", "largest knee frontal-plane projection angle (valgus positive)" + perRep
                            + ", the larger of left and right; needs a front view", KNEE_VALGUS, "peak_mean", Side.NONE, Combine.MAX_OF_SIDES),
                    symmetry("Knee ROM symmetry", "knee flexion range of motion" + perRep + ", left against right", KNEE_FLEXION, "rom_mean"),
                    bothSides("Peak ankle dorsiflexion", "largest ankle dorsiflexion" + perRep + ", mean of left and right",
                            ANKLE_DORSIFLEXION, "peak_mean", Combine.MEAN_OF_SIDES));
            case LUNGE -> List.of(
                    named("Repetitions", "lunges counted on the mean knee flexion of both legs", "repetition_count"),
                    angle("Peak knee flexion (left)", "deepest left knee bend" + perRep, KNEE_FLEXION, "peak_mean", Side.LEFT),
                    angle("Peak knee flexion (right)", "deepest right knee bend" + perRep, KNEE_FLEXION, "peak_mean", Side.RIGHT),
                    angle("Peak hip flexion (left)", "largest left hip flexion" + perRep, HIP_FLEXION, "peak_mean", Side.LEFT),
                    angle("Peak hip flexion (right)", "largest right hip flexion" + perRep, HIP_FLEXION, "peak_mean", Side.RIGHT),
                    angle("Peak forward trunk lean", "largest forward lean of the trunk from vertical" + perRep, TRUNK_LEAN_SAGITTAL, "peak_mean", Side.NONE),
                    imageOnly("Peak knee valgus", "largest knee frontal-plane projection angle (valgus positive)" + perRep
                            + ", the larger of left and right; needs a front view", KNEE_VALGUS, "peak_mean", Side.NONE, Combine.MAX_OF_SIDES),
                    symmetry("Knee ROM symmetry", "knee flexion range of motion" + perRep + ", left against right", KNEE_FLEXION, "rom_mean"));
            case SIT_TO_STAND -> List.of(
                    named("Repetitions", "stands from the chair, counted on the mean knee flexion of both legs", "repetition_count"),
                    named("Time per repetition", "seated to standing and back" + perRep.replace(" per repetition", ""), "repetition_duration_mean"),
                    named("Rising time", "time from leaving the seat to standing" + perRep.replace(" per repetition", ""), "concentric_duration_mean"),
                    angle("Knee ROM (left)", "left knee flexion range of motion" + perRep, KNEE_FLEXION, "rom_mean", Side.LEFT),
                    angle("Knee ROM (right)", "right knee flexion range of motion" + perRep, KNEE_FLEXION, "rom_mean", Side.RIGHT),
                    angle("Largest forward trunk lean", "largest forward lean of the trunk from vertical over the session", TRUNK_LEAN_SAGITTAL, "max", Side.NONE),
                    symmetry("Knee ROM symmetry", "knee flexion range of motion" + perRep + ", left against right", KNEE_FLEXION, "rom_mean"));
            case KNEE_ROM -> List.of(
                    named("Repetitions", "knee bends counted on the leg that moved more", "repetition_count"),
                    angle("Peak knee flexion (left)", "largest left knee flexion" + perRep, KNEE_FLEXION, "peak_mean", Side.LEFT),
                    angle("Peak knee flexion (right)", "largest right knee flexion" + perRep, KNEE_FLEXION, "peak_mean", Side.RIGHT),
                    angle("Knee ROM (left)", "left knee flexion range of motion" + perRep, KNEE_FLEXION, "rom_mean", Side.LEFT),
                    angle("Knee ROM (right)", "right knee flexion range of motion" + perRep, KNEE_FLEXION, "rom_mean", Side.RIGHT),
                    symmetry("Knee ROM symmetry", "knee flexion range of motion" + perRep + ", left against right", KNEE_FLEXION, "rom_mean"));
            case SHOULDER_ABDUCTION -> arms("abduction", JointAngle.SHOULDER_ABDUCTION, TRUNK_LEAN_FRONTAL, "sideways lean of the trunk", perRep);
            case SHOULDER_FLEXION -> arms("flexion", JointAngle.SHOULDER_FLEXION, TRUNK_LEAN_SAGITTAL, "forward or backward lean of the trunk", perRep);
            case GAIT -> List.of(
                    named("Cadence", "steps per minute between the first and the last heel strike", "cadence"),
                    named("Step time (left)", "time from a right heel strike to the next left one, mean", "step_time", Side.LEFT),
                    named("Step time (right)", "time from a left heel strike to the next right one, mean", "step_time", Side.RIGHT),
                    symmetry("Step-time symmetry", "mean step time, left against right", null, "step_time"),
                    named("Stance (left)", "share of the left stride with the left foot on the ground, mean", "stance_percent", Side.LEFT),
                    named("Stance (right)", "share of the right stride with the right foot on the ground, mean", "stance_percent", Side.RIGHT),
                    angle("Peak knee flexion in swing (left)", "largest left knee flexion between toe-off and heel strike, mean over swings",
                            KNEE_FLEXION, "swing_peak_mean", Side.LEFT),
                    angle("Peak knee flexion in swing (right)", "largest right knee flexion between toe-off and heel strike, mean over swings",
                            KNEE_FLEXION, "swing_peak_mean", Side.RIGHT));
            case CMJ -> List.of(
                    named("Jumps", "countermovement jumps with take-off and landing seen", "jump_count"),
                    named("Best jump height", "highest jump, from flight time (g·t²/8)", "jump_height_from_flight_time_best"),
                    named("Best flight time", "longest time with both feet off the ground", "flight_time_best"),
                    imageOnly("Landing knee valgus (left)", "largest left knee frontal-plane projection angle in the 0.4 s after touch-down, "
                            + "largest over the jumps; needs a front view", KNEE_VALGUS, "landing_peak_max", Side.LEFT, Combine.NONE),
                    imageOnly("Landing knee valgus (right)", "largest right knee frontal-plane projection angle in the 0.4 s after touch-down, "
                            + "largest over the jumps; needs a front view", KNEE_VALGUS, "landing_peak_max", Side.RIGHT, Combine.NONE));
            case GENERIC -> List.of(
                    named("Repetitions", "repetitions counted on the main joint that moved most", "repetition_count"),
                    bothSides("Knee ROM", "knee flexion range of motion over the session, the larger of left and right", KNEE_FLEXION, "rom", Combine.MAX_OF_SIDES),
                    bothSides("Hip ROM", "hip flexion range of motion over the session, the larger of left and right", HIP_FLEXION, "rom", Combine.MAX_OF_SIDES),
                    bothSides("Elbow ROM", "elbow flexion range of motion over the session, the larger of left and right", ELBOW_FLEXION, "rom", Combine.MAX_OF_SIDES),
                    bothSides("Shoulder flexion ROM", "shoulder flexion range of motion over the session, the larger of left and right",
                            JointAngle.SHOULDER_FLEXION, "rom", Combine.MAX_OF_SIDES),
                    bothSides("Shoulder abduction ROM", "shoulder abduction range of motion over the session, the larger of left and right",
                            JointAngle.SHOULDER_ABDUCTION, "rom", Combine.MAX_OF_SIDES));
        };
    }

    private static List<HeadlineSpec> arms(String movement, JointAngle angle, JointAngle trunk, String trunkWords, String perRep) {
        return List.of(
                named("Repetitions", "arm raises counted on the arm that moved more", "repetition_count"),
                angle("Peak shoulder " + movement + " (left)", "highest left arm position" + perRep, angle, "peak_mean", Side.LEFT),
                angle("Peak shoulder " + movement + " (right)", "highest right arm position" + perRep, angle, "peak_mean", Side.RIGHT),
                angle("Shoulder " + movement + " ROM (left)", "left shoulder " + movement + " range of motion" + perRep, angle, "rom_mean", Side.LEFT),
                angle("Shoulder " + movement + " ROM (right)", "right shoulder " + movement + " range of motion" + perRep, angle, "rom_mean", Side.RIGHT),
                symmetry("Shoulder " + movement + " ROM symmetry", "shoulder " + movement + " range of motion" + perRep + ", left against right",
                        angle, "rom_mean"),
                angle("Trunk lean (compensation)", "largest " + trunkWords + " from vertical over the session", trunk, "max", Side.NONE));
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

    /** The name a clinician reads on forms, pages and reports; the template-free GENERIC is "Other". */
    public String label() {
        return switch (this) {
            case SQUAT -> "Squat";
            case LUNGE -> "Lunge";
            case SIT_TO_STAND -> "Sit-to-stand";
            case KNEE_ROM -> "Knee range of motion";
            case SHOULDER_ABDUCTION -> "Shoulder abduction";
            case SHOULDER_FLEXION -> "Shoulder flexion";
            case GAIT -> "Gait";
            case CMJ -> "Countermovement jump";
            case GENERIC -> "Other";
        };
    }

    public static List<String> ids() { return Stream.of(values()).map(Exercise::id).toList(); }
}
