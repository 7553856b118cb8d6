package org.poseanalytics.web.subject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.poseanalytics.kinematics.scale.ScaleSpec;
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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Athletes and patients of the signed-in user's clinic; every statement is scoped by that clinic. */
@Service
public class SubjectService {
    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Storage storage;

    SubjectService(JdbcClient jdbc, CurrentUser currentUser, AuditService audit, Storage storage) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.storage = storage;
    }

    @PreAuthorize("hasRole('VIEWER')")
    public List<SubjectSummary> list(String search) { return list(search, null, null, null); }

    /**
     * The clinic's subjects matching {@code search}, and, when a date or an exercise is given, only those with at least
     * one session in that range (inclusive) of that exercise (e.g. everyone seen for knee ROM in March). The session
     * count and last session stay the subject's, over all sessions.
     */
    @PreAuthorize("hasRole('VIEWER')")
    public List<SubjectSummary> list(String search, LocalDate from, LocalDate to, org.poseanalytics.kinematics.exercise.Exercise exercise) {
        String like = "%" + (search == null ? "" : search.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
        return jdbc.sql("""
                        select s.id, s.display_name, s.external_id, s.sport_or_condition, s.involved_side,
                               count(se.id) as sessions, max(se.session_date) as last_session
                        from subject s left join session se on se.subject_id = s.id and se.clinic_id = s.clinic_id
                        where s.clinic_id = :clinic
                          and (lower(s.display_name) like :like or lower(coalesce(s.external_id, '')) like :like
                               or lower(coalesce(s.sport_or_condition, '')) like :like)
                          and (cast(:from as date) is null and cast(:to as date) is null and cast(:exercise as text) is null
                               or exists (select 1 from session f where f.subject_id = s.id and f.clinic_id = s.clinic_id
                                          and (cast(:from as date) is null or f.session_date >= cast(:from as date))
                                          and (cast(:to as date) is null or f.session_date <= cast(:to as date))
                                          and (cast(:exercise as text) is null or f.exercise = cast(:exercise as text))))
                        group by s.id
                        order by lower(s.display_name), s.id""")
                .param("clinic", currentUser.clinicId()).param("like", like).param("from", from).param("to", to)
                .param("exercise", exercise == null ? null : exercise.id())
                .query((rs, n) -> new SubjectSummary(rs.getLong("id"), rs.getString("display_name"),
                        rs.getString("external_id"), rs.getString("sport_or_condition"),
                        InvolvedSide.of(rs.getString("involved_side")), rs.getInt("sessions"),
                        rs.getObject("last_session", LocalDate.class)))
                .list();
    }

    @PreAuthorize("hasRole('VIEWER')")
    public Subject get(long id) {
        return jdbc.sql("select * from subject where id = :id and clinic_id = :clinic")
                .param("id", id).param("clinic", currentUser.clinicId())
                .query(SubjectService::map).optional().orElseThrow(() -> new NotFoundException("Subject " + id));
    }

    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public Subject create(SubjectDetails details) {
        SubjectDetails d = validate(details);
        long id = jdbc.sql("""
                        insert into subject (clinic_id, display_name, external_id, birth_date, sport_or_condition, involved_side, notes, height_m)
                        values (:clinic, :name, :external, :birth, :sport, :side, :notes, :height) returning id""")
                .param("clinic", currentUser.clinicId()).param("name", d.displayName()).param("external", d.externalId())
                .param("birth", d.birthDate()).param("sport", d.sportOrCondition()).param("side", d.involvedSide().code())
                .param("notes", d.notes()).param("height", d.heightM(), Types.DOUBLE).query(Long.class).single();
        audit.record(AuditAction.CREATED, id, null, "subject " + id);
        return get(id);
    }

    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public Subject update(long id, SubjectDetails details) {
        SubjectDetails d = validate(details);
        int rows = jdbc.sql("""
                        update subject set display_name = :name, external_id = :external, birth_date = :birth,
                               sport_or_condition = :sport, involved_side = :side, notes = :notes, height_m = :height
                        where id = :id and clinic_id = :clinic""")
                .param("name", d.displayName()).param("external", d.externalId()).param("birth", d.birthDate())
                .param("sport", d.sportOrCondition()).param("side", d.involvedSide().code()).param("notes", d.notes())
                .param("height", d.heightM(), Types.DOUBLE).param("id", id).param("clinic", currentUser.clinicId()).update();
        if (rows == 0) throw new NotFoundException("Subject " + id);
        audit.record(AuditAction.CHANGED, id, null, "details of subject " + id);
        return get(id);
    }

    /** Erasure: the subject, its sessions, its videos and their files. The audit trail keeps who did it. */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public void delete(long id) {
        Subject subject = get(id);
        long clinic = currentUser.clinicId();
        List<UUID> files = jdbc.sql("select storage_name from video where clinic_id = :clinic and session_id in "
                        + "(select id from session where clinic_id = :clinic and subject_id = :id)"
                        + " union select storage_name from keypoint_file where clinic_id = :clinic and session_id in "
                        + "(select id from session where clinic_id = :clinic and subject_id = :id)")
                .param("clinic", clinic).param("id", id).query(UUID.class).list();
        int sessions = jdbc.sql("select count(*) from session where clinic_id = :clinic and subject_id = :id")
                .param("clinic", clinic).param("id", id).query(Integer.class).single();
        jdbc.sql("delete from subject where id = :id and clinic_id = :clinic").param("id", id).param("clinic", clinic).update();
        audit.record(AuditAction.DELETED, id, null,
                "subject " + id + " erased with " + sessions + " session(s) and " + files.size() + " video(s)");
        deleteFilesAfterCommit(storage, files);
    }

    /** Files go only once the rows are gone for good; a rolled-back erasure keeps them. */
    public static void deleteFilesAfterCommit(Storage storage, List<UUID> files) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                files.forEach(storage::delete);
            }
        });
    }

    private static SubjectDetails validate(SubjectDetails d) {
        if (d == null || d.displayName() == null || d.displayName().isBlank()) {
            throw new UserInputException("Enter a name for the athlete or patient (a pseudonym or initials are fine).", "displayName");
        }
        if (d.displayName().trim().length() > 200) throw new UserInputException("Keep the name under 200 characters.", "displayName");
        if (d.birthDate() != null && d.birthDate().isAfter(LocalDate.now())) {
            throw new UserInputException("The birth date lies in the future. Correct it or leave it empty.", "birthDate");
        }
        Double height = d.heightM();
        if (height != null && !(height >= ScaleSpec.MIN_HEIGHT_M && height <= ScaleSpec.MAX_HEIGHT_M)) {
            throw new UserInputException(heightMessage(height), "heightM");
        }
        return new SubjectDetails(d.displayName().trim(), blankToNull(d.externalId()), d.birthDate(),
                blankToNull(d.sportOrCondition()), d.involvedSide() == null ? InvolvedSide.NONE : d.involvedSide(),
                blankToNull(d.notes()), height);
    }

    /** Why a height is refused; a height in centimetres (175) is the likely slip, so the message says metres twice. */
    static String heightMessage(double height) {
        String cm = height >= 50 && height <= 250 ? " It looks like centimetres: enter " + String.format(java.util.Locale.ROOT, "%.2f", height / 100) + " for " + (int) Math.round(height) + " cm." : "";
        return "Enter the standing height in metres, between " + ScaleSpec.MIN_HEIGHT_M + " and " + ScaleSpec.MAX_HEIGHT_M
                + " m (e.g. 1.75), or leave it empty." + cm;
    }

    static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.trim(); }

    static Subject map(ResultSet rs, int n) throws SQLException {
        return new Subject(rs.getLong("id"), rs.getString("display_name"), rs.getString("external_id"),
                rs.getObject("birth_date", LocalDate.class), rs.getString("sport_or_condition"),
                InvolvedSide.of(rs.getString("involved_side")), rs.getString("notes"), (Double) rs.getObject("height_m"));
    }
}
