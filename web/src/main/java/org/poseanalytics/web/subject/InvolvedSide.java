package org.poseanalytics.web.subject;

/**
 * The subject's involved (injured, operated, dominant) side, which symmetry metrics compare against, as chosen on the
 * subject's page: unlike a body side (kinematics' Side: left, right, none) it may be both.
 */
public enum InvolvedSide {
    LEFT("left", "Left"), RIGHT("right", "Right"), BOTH("both", "Both"), NONE("none", "None / not applicable");

    private final String code;
    private final String label;

    InvolvedSide(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() { return code; }
    public String label() { return label; }

    public static InvolvedSide of(String code) {
        for (InvolvedSide s : values()) if (s.code.equals(code)) return s;
        throw new IllegalArgumentException("unknown side " + code);
    }
}
