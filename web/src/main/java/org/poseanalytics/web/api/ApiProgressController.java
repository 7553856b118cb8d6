package org.poseanalytics.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.web.audit.AuditService;
import org.poseanalytics.web.progress.MetricTrend;
import org.poseanalytics.web.progress.ProgressService;
import org.poseanalytics.web.report.FhirObservations;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A subject's figures across sessions over /api/v1: the progress page's trends as a table, and as FHIR R4. */
@RestController
@ConditionalOnWebApplication
@Tag(name = "Progress and FHIR")
class ApiProgressController {
    static final String FHIR_JSON = "application/fhir+json";
    static final String LEFT_OUT = "X-Figures-Left-Out";

    private final ProgressService progress;
    private final FhirObservations fhir;
    private final AuditService audit;

    ApiProgressController(ProgressService progress, FhirObservations fhir, AuditService audit) {
        this.progress = progress;
        this.fhir = fhir;
        this.audit = audit;
    }

    /*
     * The rows are written straight to the response, not gathered in a byte array first: a subject of 1,000 squat
     * sessions has 107,000 of them (36 MB of JSON). The exercise and figure filters are applied in the query
     * (ProgressService#trends), so a client that asks for one figure reads its ~1,000 rows only; the dates after the
     * trends are made, as before: the changes start at a trend's first visit and its label is its latest visit's
     * headline, whatever the bounds.
     */
    @Operation(operationId = "getProgress", summary = "A subject's figures per visit (long form, like with like by exercise, key, unit and view), as JSON rows; invalid visits have no value and their reason",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "array", implementation = Object.class))))
    @GetMapping(path = "/api/v1/subjects/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    void progress(@PathVariable long id, @Parameter(description = "first date, ISO 8601") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @Parameter(description = "last date, ISO 8601") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @Parameter(description = "exercise id, e.g. squat") @RequestParam(required = false) String exercise,
                  @Parameter(description = METRIC) @RequestParam(required = false) List<String> metric,
                  HttpServletResponse response) throws IOException {
        Table table = table(id, from, to, exercise, metric, "JSON");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        table.writeJson(response.getOutputStream());
    }

    @Operation(operationId = "getProgressCsv", summary = "The same as CSV", responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = ApiResultsController.CSV, schema = @Schema(type = "string"))))
    @GetMapping(path = "/api/v1/subjects/{id}/progress.csv", produces = ApiResultsController.CSV)
    void progressCsv(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     @RequestParam(required = false) String exercise,
                     @Parameter(description = METRIC) @RequestParam(required = false) List<String> metric,
                     HttpServletResponse response) throws IOException {
        Table table = table(id, from, to, exercise, metric, "CSV");
        response.setContentType(ApiResultsController.CSV + ";charset=UTF-8");
        table.writeCsv(response.getOutputStream());
    }

    static final String METRIC = "figure keys as in the rows' key column (side prefix, then the name), e.g. left_knee_flexion_peak_mean; "
            + "repeat the parameter or separate with commas for several; none = every figure";

    @Operation(operationId = "getFhirBundle", summary = "The subject's valid session figures as FHIR R4 Observations in a collection Bundle",
            description = "Only valid measurements with a physical unit; how many figures were left out (low quality, invalid, not rated, no physical unit) is in the X-Figures-Left-Out header.",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = FHIR_JSON, schema = @Schema(type = "object"))))
    @GetMapping(path = "/api/v1/subjects/{id}/fhir", produces = FHIR_JSON)
    ResponseEntity<String> fhir(@PathVariable long id) {
        FhirObservations.Export export = fhir.export(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(FHIR_JSON + ";charset=UTF-8"))
                .header(LEFT_OUT, String.valueOf(export.leftOut())).header(HttpHeaders.CACHE_CONTROL, "no-store").body(export.json());
    }

    private Table table(long subjectId, LocalDate from, LocalDate to, String exercise, List<String> metric, String format) {
        Exercise only = ApiSubjectsController.exercise(exercise);
        List<String> keys = metric == null ? List.of() : metric.stream().map(String::trim).filter(k -> !k.isEmpty()).toList();
        List<MetricTrend> trends = progress.trends(subjectId, only == null ? null : only.id(), keys).stream()
                .map(t -> new MetricTrend(t.exercise(), t.key(), t.label(), t.unit(), t.view(), t.headlineRank(), t.visits().stream()
                        .filter(v -> (from == null || !v.date().isBefore(from)) && (to == null || !v.date().isAfter(to))).toList()))
                .filter(t -> !t.visits().isEmpty())
                .toList();
        audit.viewed(subjectId, null, "progress of subject " + subjectId + " over the API (" + format + ")");
        return ResultTables.progress(trends);
    }
}
