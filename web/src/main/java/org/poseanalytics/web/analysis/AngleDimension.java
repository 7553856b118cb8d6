package org.poseanalytics.web.analysis;

/** Where an angle was measured: in the image plane or from the model's 3D world landmarks. Say it in every chart. */
public enum AngleDimension {
    IMAGE_2D("2d", "2D (image plane)"), WORLD_3D("3d", "3D (world landmarks)");

    private final String code;
    private final String label;

    AngleDimension(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() { return code; }
    public String label() { return label; }

    public static AngleDimension of(String code) {
        for (AngleDimension d : values()) if (d.code.equals(code)) return d;
        throw new IllegalArgumentException("unknown angle dimension " + code);
    }
}
