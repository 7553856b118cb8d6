package org.poseanalytics.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.web.analysis.AnalysedVideo;
import org.poseanalytics.web.analysis.AnalysisQueries;
import org.poseanalytics.web.audit.AuditService;
import org.poseanalytics.web.subject.SubjectService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The clinic's analyses over /api/v1: one item per analysed video (its latest complete analysis, the one its results
 * are read from), keypoints imported without a video included, so that a script finds what to download without
 * walking subjects, sessions and videos. Scoped and audited as the clinic's session list.
 */
@RestController
@ConditionalOnWebApplication
@Tag(name = "Results")
class ApiAnalysesController {
    private final AnalysisQueries queries;
    private final SubjectService subjects;
    private final AuditService audit;

    ApiAnalysesController(AnalysisQueries queries, SubjectService subjects, AuditService audit) {
        this.queries = queries;
        this.subjects = subjects;
        this.audit = audit;
    }

    /** Where the item's results are: each answers from this same analysis while it stays the video's latest. */
    record Links(String analysis, String angles, String anglesCsv, String metrics, String metricsCsv, String repetitions,
                 String repetitionsCsv, String keypoints) {
        static Links of(long videoId) {
            String v = "/api/v1/videos/" + videoId;
            return new Links(v + "/analysis", v + "/angles", v + "/angles.csv", v + "/metrics", v + "/metrics.csv",
                    v + "/repetitions", v + "/repetitions.csv", v + "/keypoints");
        }
    }

    /**
     * An analysed video: its latest complete analysis (status "succeeded": only complete ones are listed), where it
     * sits, the exercise template and model it used, how many repetitions it found, and its result links.
     */
    record ApiAnalysis(long analysisId, long videoId, String originalName, boolean hasVideo, long sessionId, LocalDate sessionDate,
                       long subjectId, String subjectName, String exercise, String model, String status, OffsetDateTime startedAt,
                       OffsetDateTime completedAt, int repetitions, Links links) {
        static ApiAnalysis of(AnalysedVideo a) {
            return new ApiAnalysis(a.analysisId(), a.videoId(), a.originalName(), a.hasVideo(), a.sessionId(), a.sessionDate(),
                    a.subjectId(), a.subjectName(), a.exercise(), a.model(), "succeeded", a.startedAt(), a.completedAt(),
                    a.repetitions(), Links.of(a.videoId()));
        }
    }

    @Operation(operationId = "listAnalyses", summary = "The clinic's analysed videos, each with its latest complete analysis, newest session first",
            description = "Keypoints imported without a video are included (hasVideo false). from/to filter by the session's date (inclusive),"
                    + " exercise by the exercise template the analysis used, subjectId to one subject; page through with page and size."
                    + " Each item links to its results (angles, metrics, repetitions, keypoints as JSON or CSV).")
    @GetMapping(path = "/api/v1/analyses", produces = MediaType.APPLICATION_JSON_VALUE)
    ApiPage<ApiAnalysis> list(@Parameter(description = "first session date, ISO 8601") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @Parameter(description = "last session date, ISO 8601") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                              @Parameter(description = "exercise id the analysis used, e.g. squat") @RequestParam(required = false) String exercise,
                              @Parameter(description = "only this subject's analyses") @RequestParam(required = false) Long subjectId,
                              @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "" + ApiPage.DEFAULT_SIZE) int size) {
        Exercise only = ApiSubjectsController.exercise(exercise);
        ApiSubjectsController.dateRange(from, to);
        if (subjectId != null) subjects.get(subjectId); // another clinic's subject (or none): 404, as for its own sessions
        String id = only == null ? null : only.id();
        ApiPage<ApiAnalysis> out = ApiPage.of(page, size, () -> queries.countAnalysedVideos(from, to, id, subjectId),
                (offset, limit) -> queries.analysedVideos(from, to, id, subjectId, offset, limit).stream().map(ApiAnalysis::of).toList());
        // Listing a subject's analyses reads their record: one entry per listed subject, as the clinic's session list does.
        out.items().stream().map(ApiAnalysis::subjectId).distinct()
                .forEach(s -> audit.viewed(s, null, "analyses of subject " + s + " in the clinic's analysis list over the API"));
        return out;
    }
}
