package org.poseanalytics.cli.analyze;

import java.util.List;
import java.util.Map;

/** summary.json as the command-line contract defines it (written with snake-case names). */
public record AnalysisSummary(Video video, String model, Integer subjectTrackId, long framesWithPose, String exercise,
                              List<Object> repetitions, Map<String, Object> metrics, Timings timings,
                              List<String> warnings) {

    /** The input as displayed: size after rotation, rotation clockwise in degrees, frames actually decoded. */
    public record Video(int width, int height, int rotation, String codec, long frames, double durationS,
                        boolean variableFrameRate, boolean decodedCompletely) {}

    public record Timings(double decodeS, double inferenceS, double totalS, double framesPerS) {}
}
