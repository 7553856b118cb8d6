package org.poseanalytics.web.report;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.poseanalytics.web.NotFoundException;
import org.poseanalytics.web.subject.Session;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.video.Video;
import org.poseanalytics.web.video.VideoService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A video's exports over HTTP: the analysis page links here (so the page needs no report type), and API clients
 * fetch the same files. Each is read under the caller's rights and audited by {@link ExportService}; another
 * clinic's video answers 404 like a missing one. Files are named after the subject and the session's date.
 */
@RestController
@ConditionalOnWebApplication
class ReportController {
    /** The path the analysis page links to; {@code name} is one of the file names below. */
    static final String PATH = "/api/videos/{id}/exports/";

    private final ExportService exports;
    private final VideoService videos;
    private final SessionService sessions;

    ReportController(ExportService exports, VideoService videos, SessionService sessions) {
        this.exports = exports;
        this.videos = videos;
        this.sessions = sessions;
    }

    /**
     * {@code name}: report.pdf, angles.csv, metrics.csv, angles.mot, markers.trc or points.csv.
     * @param angles for the PDF, the angle columns the page shows, in its order; none: the exercise's default columns
     */
    @GetMapping(PATH + "{name}")
    void export(@PathVariable long id, @PathVariable String name, @RequestParam(name = "angles", required = false) List<String> angles,
                HttpServletResponse response) throws IOException {
        switch (name) {
            case "report.pdf" -> exports.pdfReport(id, angles == null ? List.of() : angles, body(response, id, name, "application/pdf"));
            case "angles.csv" -> exports.anglesCsv(id, body(response, id, name, "text/csv"));
            case "metrics.csv" -> exports.metricsCsv(id, body(response, id, name, "text/csv"));
            case "angles.mot" -> exports.openSimMot(id, body(response, id, name, "text/plain"));
            case "markers.trc" -> exports.openSimTrc(id, body(response, id, name, "text/plain"));
            case "points.csv" -> exports.pointsCsv(id, body(response, id, name, "text/csv"));
            default -> throw new NotFoundException("Export '" + name + "'");
        }
    }

    /**
     * Headers first, then the stream: nothing is written before the service has checked access and found the
     * analysis, so a refusal still becomes a clean 403/404 from the error advice.
     */
    private OutputStream body(HttpServletResponse response, long videoId, String name, String type) throws IOException {
        Video video = videos.get(videoId);
        Session session = sessions.get(video.sessionId());
        String base = (session.subjectName() + "-" + session.date()).replaceAll("[^A-Za-z0-9-]+", "_");
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(base + "-" + name).build().toString());
        return response.getOutputStream();
    }
}
