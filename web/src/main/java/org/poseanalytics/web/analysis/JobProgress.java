package org.poseanalytics.web.analysis;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/**
 * An analysis job as users see it (REST and the session page): state, stage, how far, how long still.
 *
 * @param stage    the pipeline stage (poses, tracking, kinematics, points), "storing", or null before it starts
 * @param fraction of the whole analysis, 0 to 1
 * @param worker   host:pid of the node that ran (or runs) it
 * @param model    the model asked for; null = the worker's default
 * @param subjectTrackId the person (track id) asked to be analysed; null = chosen by the default rule
 * @param message  why it failed or was cancelled, or a note on a finished analysis (e.g. truncated file)
 */
public record JobProgress(UUID jobId, long videoId, JobState state, String stage, double fraction, long framesDone,
                          long framesTotal, int attempts, String worker, String model, String exercise, Integer subjectTrackId, String message,
                          String requestedBy, OffsetDateTime createdAt, OffsetDateTime startedAt,
                          OffsetDateTime updatedAt, OffsetDateTime finishedAt) {

    /** Percent, 0 to 100, for a progress bar. */
    public int percent() { return (int) Math.round(Math.max(0, Math.min(1, fraction)) * 100); }

    /**
     * Seconds still to go, extrapolated from the time since this attempt started and the fraction done; null while
     * there is too little to go by (under 2% or no start time) or when the job is not running.
     */
    public Long etaSeconds() {
        if (state != JobState.RUNNING || startedAt == null || fraction < 0.02 || updatedAt == null) return null;
        double elapsed = Duration.between(startedAt, updatedAt).toMillis() / 1000.0;
        return Math.round(elapsed * (1 - fraction) / fraction);
    }

    /** One line for a clinician, e.g. "Analysing · detecting the person and estimating keypoints · 42% · about 30 s left". */
    public String describe() {
        StringBuilder s = new StringBuilder(state.label());
        if (subjectTrackId != null) s.append(" · person ").append(subjectTrackId).append(" (chosen)");
        if (state == JobState.RUNNING) {
            if (stage != null) s.append(" · ").append(stageText(stage));
            s.append(" · ").append(percent()).append('%');
            if (framesTotal > 0 && "poses".equals(stage)) s.append(" (frame ").append(framesDone).append(" of ").append(framesTotal).append(')');
            Long eta = etaSeconds();
            if (eta != null) s.append(" · about ").append(eta < 90 ? eta + " s" : String.format(Locale.ROOT, "%d min", Math.round(eta / 60.0))).append(" left");
        }
        if (attempts > 1 && state.active()) s.append(" · attempt ").append(attempts);
        if (message != null && !message.isBlank()) s.append(" · ").append(message);
        return s.toString();
    }

    public static String stageText(String stage) {
        return switch (stage) {
            case "poses" -> "detecting the person and estimating keypoints";
            case "tracking" -> "following the subject and filtering";
            case "kinematics" -> "computing angles and repetitions";
            case "points" -> "tracking the chosen points";
            case "storing" -> "saving the results";
            default -> stage;
        };
    }
}
