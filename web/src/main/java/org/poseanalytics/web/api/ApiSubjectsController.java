package org.poseanalytics.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.web.UserInputException;
import org.poseanalytics.web.audit.AuditService;
import org.poseanalytics.web.subject.InvolvedSide;
import org.poseanalytics.web.subject.Session;
import org.poseanalytics.web.subject.SessionDetails;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.subject.Subject;
import org.poseanalytics.web.subject.SubjectDetails;
import org.poseanalytics.web.subject.SubjectService;
import org.poseanalytics.web.subject.SubjectSummary;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Subjects and their sessions over /api/v1, through the same services as the pages (scoped to the caller's clinic,
 * the same roles: viewers read, clinicians and admins add). Reads of a subject's record are audited as the pages'.
 */
@RestController
@ConditionalOnWebApplication
@Tag(name = "Subjects and sessions")
class ApiSubjectsController {
    private final SubjectService subjects;
    private final SessionService sessions;
    private final AuditService audit;

    ApiSubjectsController(SubjectService subjects, SessionService sessions, AuditService audit) {
        this.subjects = subjects;
        this.sessions = sessions;
        this.audit = audit;
    }

    /** A new subject: a name or pseudonym; the rest optional. {@code involvedSide}: none, left, right, both. */
    record SubjectRequest(String displayName, String externalId, LocalDate birthDate, String sportOrCondition,
                          String involvedSide, String notes, Double heightM) {}

    /** A new session: its date (ISO 8601) and exercise id (squat, lunge, sit-to-stand, gait, …). */
    record SessionRequest(LocalDate date, String exercise, String notes) {}

    @Operation(operationId = "listSubjects", summary = "The clinic's subjects, by name; search matches name, external id or sport",
            description = "With from, to or exercise: only subjects with at least one session in that date range (inclusive) of that exercise.")
    @GetMapping(path = "/api/v1/subjects", produces = MediaType.APPLICATION_JSON_VALUE)
    ApiPage<SubjectSummary> list(@RequestParam(required = false) String search,
                                 @Parameter(description = "a session on or after this date, ISO 8601") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @Parameter(description = "a session on or before this date, ISO 8601") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @Parameter(description = "a session of this exercise id, e.g. squat") @RequestParam(required = false) String exercise,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "" + ApiPage.DEFAULT_SIZE) int size) {
        Exercise only = exercise(exercise);
        dateRange(from, to);
        return ApiPage.of(subjects.list(search, from, to, only), page, size);
    }

    @Operation(operationId = "createSubject", summary = "Add a subject (clinicians and admins)")
    @PostMapping(path = "/api/v1/subjects", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Subject> create(@RequestBody SubjectRequest request) {
        Subject s = subjects.create(new SubjectDetails(request.displayName(), request.externalId(), request.birthDate(),
                request.sportOrCondition(), side(request.involvedSide()), request.notes(), request.heightM()));
        return ResponseEntity.created(URI.create("/api/v1/subjects/" + s.id())).body(s);
    }

    @Operation(operationId = "getSubject", summary = "One subject")
    @GetMapping(path = "/api/v1/subjects/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Subject get(@PathVariable long id) {
        Subject s = subjects.get(id);
        audit.viewed(id, null, "subject " + id + " over the API");
        return s;
    }

    @Operation(operationId = "listSessions", summary = "A subject's sessions, newest first, optionally from/to a date (inclusive) and of one exercise")
    @GetMapping(path = "/api/v1/subjects/{id}/sessions", produces = MediaType.APPLICATION_JSON_VALUE)
    ApiPage<Session> sessions(@PathVariable long id,
                              @Parameter(description = "first date, ISO 8601") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @Parameter(description = "last date, ISO 8601") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                              @Parameter(description = "exercise id, e.g. squat") @RequestParam(required = false) String exercise,
                              @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "" + ApiPage.DEFAULT_SIZE) int size) {
        Exercise only = exercise(exercise);
        dateRange(from, to);
        List<Session> matching = sessions.listForSubject(id).stream()
                .filter(s -> from == null || !s.date().isBefore(from))
                .filter(s -> to == null || !s.date().isAfter(to))
                .filter(s -> only == null || s.exercise() == only)
                .toList();
        audit.viewed(id, null, "sessions of subject " + id + " over the API");
        return ApiPage.of(matching, page, size);
    }

    @Operation(operationId = "createSession", summary = "Add a session to a subject (clinicians and admins)")
    @PostMapping(path = "/api/v1/subjects/{id}/sessions", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Session> createSession(@PathVariable long id, @RequestBody SessionRequest request) {
        Exercise exercise;
        try {
            exercise = request.exercise() == null ? null : Exercise.parse(request.exercise());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("Unknown exercise “" + request.exercise() + "”; one of " + String.join(", ", Exercise.ids()) + ".", "exercise");
        }
        Session s = sessions.create(id, new SessionDetails(request.date(), exercise, request.notes()));
        return ResponseEntity.created(URI.create("/api/v1/sessions/" + s.id())).body(s);
    }

    @Operation(operationId = "listClinicSessions", summary = "The clinic's sessions across its subjects, newest first, optionally from/to a date (inclusive) and of one exercise",
            description = "Each session names its subject (subjectId, subjectName) and how many videos it holds; page through with page and size.")
    @GetMapping(path = "/api/v1/sessions", produces = MediaType.APPLICATION_JSON_VALUE)
    ApiPage<Session> clinicSessions(@Parameter(description = "first date, ISO 8601") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @Parameter(description = "last date, ISO 8601") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                    @Parameter(description = "exercise id, e.g. squat") @RequestParam(required = false) String exercise,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "" + ApiPage.DEFAULT_SIZE) int size) {
        Exercise only = exercise(exercise);
        dateRange(from, to);
        ApiPage<Session> out = ApiPage.of(page, size, () -> sessions.countForClinic(from, to, only),
                (offset, limit) -> sessions.listForClinic(from, to, only, offset, limit));
        // A list across subjects reads each listed subject's visits: one entry per subject, as the subject's sessions list does.
        out.items().stream().map(Session::subjectId).distinct()
                .forEach(subjectId -> audit.viewed(subjectId, null, "sessions of subject " + subjectId + " in the clinic's session list over the API"));
        return out;
    }

    @Operation(operationId = "getSession", summary = "One session")
    @GetMapping(path = "/api/v1/sessions/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Session session(@PathVariable long id) {
        Session s = sessions.get(id);
        audit.viewed(s.subjectId(), null, "session " + id + " over the API");
        return s;
    }

    /** An exercise filter: null for none; an unknown one is the caller's to correct (400 with the known ids). */
    static Exercise exercise(String id) {
        if (id == null || id.isBlank()) return null;
        try {
            return Exercise.parse(id);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("Unknown exercise “" + id + "”; one of " + String.join(", ", Exercise.ids()) + ".", "exercise");
        }
    }

    /** A date range whose end lies before its start is a mistake to correct, not an empty answer. */
    static void dateRange(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) throw new UserInputException("to (" + to + ") lies before from (" + from + ").", "to");
    }

    private static InvolvedSide side(String code) {
        if (code == null || code.isBlank()) return InvolvedSide.NONE;
        try {
            return InvolvedSide.of(code.trim().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("Unknown involved side “" + code + "”: none, left, right or both.", "involvedSide");
        }
    }
}
