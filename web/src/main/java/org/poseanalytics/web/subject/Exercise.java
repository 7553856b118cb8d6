package org.poseanalytics.web.subject;

/** The exercises the analysis knows; the code is what the command line's --exercise takes. */
public enum Exercise {
    SQUAT("squat", "Squat"),
    LUNGE("lunge", "Lunge"),
    SIT_TO_STAND("sit-to-stand", "Sit-to-stand"),
    KNEE_ROM("knee-rom", "Knee range of motion"),
    SHOULDER_ABDUCTION("shoulder-abduction", "Shoulder abduction"),
    SHOULDER_FLEXION("shoulder-flexion", "Shoulder flexion"),
    GAIT("gait", "Gait"),
    CMJ("cmj", "Countermovement jump"),
    OTHER("other", "Other");

    private final String code;
    private final String label;

    Exercise(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() { return code; }
    public String label() { return label; }

    public static Exercise of(String code) {
        for (Exercise e : values()) if (e.code.equals(code)) return e;
        throw new IllegalArgumentException("unknown exercise " + code);
    }
}
