package org.poseanalytics.web.analysis;

/** Where an analysis job stands, as users see it. */
public enum JobState {
    QUEUED("Waiting for a worker"), RUNNING("Analysing"), SUCCEEDED("Analysed"), FAILED("Failed"), CANCELLED("Cancelled");

    private final String label;

    JobState(String label) { this.label = label; }

    public String label() { return label; }
    public String code() { return name().toLowerCase(); }
    public boolean active() { return this == QUEUED || this == RUNNING; }

    public static JobState of(String code) { return valueOf(code.toUpperCase()); }
}
