package org.poseanalytics.web.subject;

import org.poseanalytics.kinematics.exercise.Exercise;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.poseanalytics.web.NotFoundException;
import org.poseanalytics.web.UserInputException;
import org.poseanalytics.web.account.CurrentUser;
import org.poseanalytics.web.audit.AuditAction;
import org.poseanalytics.web.audit.AuditService;
import org.poseanalytics.web.storage.Storage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sessions of the clinic's subjects; every statement is scoped by the signed-in user's clinic. */
@Service
public class SessionService {
    private static final String SELECT = """
            select se.*, s.display_name as subject_name,
                   (select count(*) from video v where v.session_id = se.id and v.clinic_id = se.clinic_id) as videos
            from session se join subject s on s.id = se.subject_id and s.clinic_id = se.clinic_id
            """;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final SubjectService subjects;
    private final AuditService audit;
    private final Storage storage;

    SessionService(JdbcClient jdbc, CurrentUser currentUser, SubjectService subjects, AuditService audit, Storage storage) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.subjects = subjects;
        this.audit = audit;
        this.storage = storage;
    }

    @PreAuthorize("hasRole('VIEWER')")
    public List<Session> listForSubject(long subjectId) {
        subjects.get(subjectId);
        return jdbc.sql(SELECT + " where se.clinic_id = :clinic and se.subject_id = :subject order by se.session_date desc, se.id desc")
                .param("clinic", currentUser.clinicId()).param("subject", subjectId).query(SessionService::map).list();
    }

    /**
     * The clinic's sessions across its subjects, newest first, optionally from/to a date (inclusive) and of one exercise
     * (null: no bound), one page of them: the database pages, so a clinic's years of visits are not read to answer 50.
     */
    @PreAuthorize("hasRole('VIEWER')")
    public List<Session> listForClinic(LocalDate from, LocalDate to, Exercise exercise, int offset, int limit) {
        return jdbc.sql(SELECT + " " + CLINIC_FILTER + " order by se.session_date desc, se.id desc offset :offset limit :limit")
                .params(filter(from, to, exercise)).param("offset", offset).param("limit", limit).query(SessionService::map).list();
    }

    /** How many of the clinic's sessions {@link #listForClinic} pages through. */
    @PreAuthorize("hasRole('VIEWER')")
    public long countForClinic(LocalDate from, LocalDate to, Exercise exercise) {
        return jdbc.sql("select count(*) from session se " + CLINIC_FILTER).params(filter(from, to, exercise)).query(Long.class).single();
    }

    private static final String CLINIC_FILTER = """
             where se.clinic_id = :clinic
               and (cast(:from as date) is null or se.session_date >= cast(:from as date))
               and (cast(:to as date) is null or se.session_date <= cast(:to as date))
               and (cast(:exercise as text) is null or se.exercise = cast(:exercise as text))""";

    private java.util.Map<String, Object> filter(LocalDate from, LocalDate to, Exercise exercise) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("clinic", currentUser.clinicId());
        p.put("from", from);
        p.put("to", to);
        p.put("exercise", exercise == null ? null : exercise.id());
        return p;
    }

    @PreAuthorize("hasRole('VIEWER')")
    public Session get(long id) {
        return jdbc.sql(SELECT + " where se.id = :id and se.clinic_id = :clinic")
                .param("id", id).param("clinic", currentUser.clinicId())
                .query(SessionService::map).optional().orElseThrow(() -> new NotFoundException("Session " + id));
    }

    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public Session create(long subjectId, SessionDetails details) {
        subjects.get(subjectId);
        SessionDetails d = validate(details);
        long id = jdbc.sql("""
                        insert into session (clinic_id, subject_id, session_date, exercise, notes)
                        values (:clinic, :subject, :date, :exercise, :notes) returning id""")
                .param("clinic", currentUser.clinicId()).param("subject", subjectId).param("date", d.date())
                .param("exercise", d.exercise().id()).param("notes", d.notes()).query(Long.class).single();
        audit.record(AuditAction.CREATED, subjectId, null, "session " + id + " of " + d.date() + " (" + d.exercise().id() + ")");
        return get(id);
    }

    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public Session update(long id, SessionDetails details) {
        SessionDetails d = validate(details);
        int rows = jdbc.sql("update session set session_date = :date, exercise = :exercise, notes = :notes where id = :id and clinic_id = :clinic")
                .param("date", d.date()).param("exercise", d.exercise().id()).param("notes", d.notes())
                .param("id", id).param("clinic", currentUser.clinicId()).update();
        if (rows == 0) throw new NotFoundException("Session " + id);
        Session changed = get(id);
        audit.record(AuditAction.CHANGED, changed.subjectId(), null,
                "session " + id + " now of " + d.date() + " (" + d.exercise().id() + ")");
        return changed;
    }

    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public void delete(long id) {
        Session session = get(id);
        long clinic = currentUser.clinicId();
        List<UUID> files = jdbc.sql("select storage_name from video where clinic_id = :clinic and session_id = :id"
                        + " union select storage_name from keypoint_file where clinic_id = :clinic and session_id = :id")
                .param("clinic", clinic).param("id", id).query(UUID.class).list();
        jdbc.sql("delete from session where id = :id and clinic_id = :clinic").param("id", id).param("clinic", clinic).update();
        audit.record(AuditAction.DELETED, session.subjectId(), null,
                "session " + id + " of " + session.date() + " (" + session.exercise().label() + ") deleted with " + files.size() + " video(s)");
        SubjectService.deleteFilesAfterCommit(storage, files);
    }

    public Subject subjectOf(Session session) { return subjects.get(session.subjectId()); }

    private static SessionDetails validate(SessionDetails d) {
        if (d == null || d.date() == null) throw new UserInputException("Enter the date of the session.", "date");
        if (d.date().isAfter(LocalDate.now().plusDays(1))) throw new UserInputException("The session date lies in the future. Correct it.", "date");
        if (d.exercise() == null) throw new UserInputException("Choose the exercise recorded in this session (or “Other”).", "exercise");
        return new SessionDetails(d.date(), d.exercise(), d.notes() == null || d.notes().isBlank() ? null : d.notes().trim());
    }

    static Session map(ResultSet rs, int n) throws SQLException {
        return new Session(rs.getLong("id"), rs.getLong("subject_id"), rs.getString("subject_name"),
                rs.getObject("session_date", LocalDate.class), Exercise.parse(rs.getString("exercise")),
                rs.getString("notes"), rs.getInt("videos"));
    }
}
