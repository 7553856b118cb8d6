package org.poseanalytics.web.video;

/** Where a video stands in analysis. The job runner moves it along: uploaded → queued → analysing → done | failed. */
public enum VideoStatus {
    UPLOADED("Uploaded"), QUEUED("Waiting for analysis"), ANALYSING("Analysing"), DONE("Analysed"), FAILED("Analysis failed");

    private final String label;

    VideoStatus(String label) { this.label = label; }

    public String label() { return label; }
    public String code() { return name().toLowerCase(); }

    public static VideoStatus of(String code) { return valueOf(code.toUpperCase()); }
}
