package org.poseanalytics.web.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.poseanalytics.web.UserInputException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The clinic's audit log as CSV, for clinic admins (the audit page links here with its filters; a data-protection
 * officer's script can fetch the same). The export is itself recorded in the log. Other roles get 403 from the service.
 */
@RestController
@ConditionalOnWebApplication
class AuditCsvController {
    static final String PATH = "/api/audit.csv";
    /** Enough for years of a clinic's entries; a narrower filter exports the rest. */
    static final int MAX_ROWS = 1_000_000;

    private final AuditService audit;

    AuditCsvController(AuditService audit) { this.audit = audit; }

    @GetMapping(PATH)
    void csv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
             @RequestParam(required = false) String user, @RequestParam(required = false) String action,
             @RequestParam(required = false) Long subject, HttpServletResponse response) throws IOException {
        AuditFilter filter = new AuditFilter(from, to, user, action(action), subject, MAX_ROWS);
        // Written to memory first: a refusal (403) must not follow a half-sent file.
        var buffer = new java.io.ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(buffer, StandardCharsets.UTF_8)) {
            audit.writeCsv(filter, w);
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("audit-log-" + LocalDate.now() + ".csv").build().toString());
        buffer.writeTo(response.getOutputStream());
    }

    static AuditAction action(String code) {
        if (code == null || code.isBlank()) return null;
        try {
            return AuditAction.of(code.trim());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("No audit action “" + code.trim() + "”; use one of the codes the audit page lists.");
        }
    }
}
