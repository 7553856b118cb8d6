package org.poseanalytics.web.subject;

/** The involved (injured, operated, dominant) side, which symmetry metrics compare against. */
public enum Side {
    LEFT("left", "Left"), RIGHT("right", "Right"), BOTH("both", "Both"), NONE("none", "None / not applicable");

    private final String code;
    private final String label;

    Side(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() { return code; }
    public String label() { return label; }

    public static Side of(String code) {
        for (Side s : values()) if (s.code.equals(code)) return s;
        throw new IllegalArgumentException("unknown side " + code);
    }
}
