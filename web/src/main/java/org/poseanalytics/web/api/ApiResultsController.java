package org.poseanalytics.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import org.poseanalytics.web.NotFoundException;
import org.poseanalytics.web.analysis.Analysis;
import org.poseanalytics.web.analysis.AnalysisQueries;
import org.poseanalytics.web.analysis.VideoAnalysisService;
import org.poseanalytics.web.audit.AuditService;
import org.poseanalytics.web.report.ExportService;
import org.poseanalytics.web.video.Video;
import org.poseanalytics.web.video.VideoService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A video's results over /api/v1, from its latest complete analysis: angles (time series), metrics (with unit, quality
 * and reason), repetitions and keypoints, each as JSON (an array of rows) or CSV (the same columns, see {@link Table}),
 * and the files the analysis page exports. A video without a complete analysis answers 404 saying so.
 */
@RestController
@ConditionalOnWebApplication
@Tag(name = "Results")
class ApiResultsController {
    static final String CSV = "text/csv";

    private final VideoService videos;
    private final AnalysisQueries queries;
    private final ExportService exports;
    private final AuditService audit;
    private final VideoAnalysisService analyses;

    ApiResultsController(VideoService videos, AnalysisQueries queries, ExportService exports, AuditService audit, VideoAnalysisService analyses) {
        this.analyses = analyses;
        this.videos = videos;
        this.queries = queries;
        this.exports = exports;
        this.audit = audit;
    }

    @Operation(operationId = "getAngles", summary = "Joint angles per frame (deg), their velocities (deg/s) and each sample's quality, as JSON rows")
    @GetMapping(path = "/api/v1/videos/{id}/angles", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> angles(@PathVariable long id) { return json(id, "angles", a -> ResultTables.angles(queries.angles(a.id()))); }

    @Operation(operationId = "getAnglesCsv", summary = "The same angles as CSV", responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = CSV, schema = @Schema(type = "string"))))
    @GetMapping(path = "/api/v1/videos/{id}/angles.csv", produces = CSV)
    ResponseEntity<byte[]> anglesCsv(@PathVariable long id) { return csv(id, "angles", a -> ResultTables.angles(queries.angles(a.id()))); }

    @Operation(operationId = "getMetrics", summary = "Figures (session-wide, then per repetition) with unit, quality (valid, low, invalid) and reason, as JSON rows")
    @GetMapping(path = "/api/v1/videos/{id}/metrics", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> metrics(@PathVariable long id) { return json(id, "metrics", a -> ResultTables.metrics(queries.metrics(a.id()))); }

    @Operation(operationId = "getMetricsCsv", summary = "The same figures as CSV", responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = CSV, schema = @Schema(type = "string"))))
    @GetMapping(path = "/api/v1/videos/{id}/metrics.csv", produces = CSV)
    ResponseEntity<byte[]> metricsCsv(@PathVariable long id) { return csv(id, "metrics", a -> ResultTables.metrics(queries.metrics(a.id()))); }

    @Operation(operationId = "getRepetitions", summary = "Repetitions with timing, range of motion and quality, as JSON rows")
    @GetMapping(path = "/api/v1/videos/{id}/repetitions", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> repetitions(@PathVariable long id) { return json(id, "repetitions", a -> ResultTables.repetitions(queries.repetitions(a.id()))); }

    @Operation(operationId = "getRepetitionsCsv", summary = "The same repetitions as CSV", responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = CSV, schema = @Schema(type = "string"))))
    @GetMapping(path = "/api/v1/videos/{id}/repetitions.csv", produces = CSV)
    ResponseEntity<byte[]> repetitionsCsv(@PathVariable long id) { return csv(id, "repetitions", a -> ResultTables.repetitions(queries.repetitions(a.id()))); }

    @Operation(operationId = "getKeypoints", summary = "The analysed person's filtered keypoints, one row per frame and landmark, as JSON rows")
    @GetMapping(path = "/api/v1/videos/{id}/keypoints", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> keypoints(@PathVariable long id) { return json(id, "keypoints", this::keypointTable); }

    @Operation(operationId = "getKeypointsCsv", summary = "The same keypoints as CSV", responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = CSV, schema = @Schema(type = "string"))))
    @GetMapping(path = "/api/v1/videos/{id}/keypoints.csv", produces = CSV)
    ResponseEntity<byte[]> keypointsCsv(@PathVariable long id) { return csv(id, "keypoints", this::keypointTable); }

    @Operation(operationId = "getExport", summary = "A file of the analysis page: report.pdf, angles.csv, metrics.csv, angles.mot, markers.trc or points.csv",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE, schema = @Schema(type = "string", format = "binary"))))
    @GetMapping(path = "/api/v1/videos/{id}/exports/{name}")
    void export(@PathVariable long id, @PathVariable String name,
                @Parameter(description = "for report.pdf: the angle columns to chart") @RequestParam(name = "angles", required = false) List<String> angles,
                HttpServletResponse response) throws IOException {
        // the service checks access and finds the analysis before anything is written, so a refusal is still a problem detail
        videos.get(id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String type = switch (name) {
            case "report.pdf" -> { exports.pdfReport(id, angles == null ? List.of() : angles, out); yield "application/pdf"; }
            case "angles.csv" -> { exports.anglesCsv(id, out); yield CSV; }
            case "metrics.csv" -> { exports.metricsCsv(id, out); yield CSV; }
            case "angles.mot" -> { exports.openSimMot(id, out); yield MediaType.TEXT_PLAIN_VALUE; }
            case "markers.trc" -> { exports.openSimTrc(id, out); yield MediaType.TEXT_PLAIN_VALUE; }
            case "points.csv" -> { exports.pointsCsv(id, out); yield CSV; }
            default -> throw new NotFoundException("Export “" + name + "” (report.pdf, angles.csv, metrics.csv, angles.mot, markers.trc, points.csv)");
        };
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("video-" + id + "-" + name).build().toString());
        out.writeTo(response.getOutputStream());
    }

    /** The filtered series, which the angles were computed from (the raw one where an old analysis lacks it). */
    private Table keypointTable(Analysis a) {
        return analyses.latest(a.videoId()).filter(v -> v.subjectSeries() != null).map(v -> ResultTables.keypoints(v.subjectSeries()))
                .orElseThrow(() -> new NotFoundException("No keypoints of a person in video " + a.videoId()));
    }

    private ResponseEntity<byte[]> json(long videoId, String what, Function<Analysis, Table> table) {
        Table t = read(videoId, what, "JSON", table);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.writeJson(out);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out.toByteArray());
    }

    private ResponseEntity<byte[]> csv(long videoId, String what, Function<Analysis, Table> table) {
        Table t = read(videoId, what, "CSV", table);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.writeCsv(out);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(CSV + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("video-" + videoId + "-" + what + ".csv").build().toString())
                .body(out.toByteArray());
    }

    private Table read(long videoId, String what, String format, Function<Analysis, Table> table) {
        Video video = videos.get(videoId);
        Analysis a = queries.latestComplete(videoId).orElseThrow(() -> new NotFoundException(
                "Video " + videoId + " has no complete analysis yet (see GET /api/v1/videos/" + videoId + "/analysis)"));
        Table t = table.apply(a);
        audit.viewed(videos.subjectIdOf(video), videoId, what + " of video " + videoId + " over the API (" + format + ")");
        return t;
    }
}
