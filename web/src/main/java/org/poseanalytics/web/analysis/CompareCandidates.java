package org.poseanalytics.web.analysis;

import java.time.LocalDate;
import java.util.List;
import org.poseanalytics.web.account.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Analysed videos of the clinic to compare a video with: the same subject's first, newest first. */
@Service
public class CompareCandidates {
    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    CompareCandidates(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    public record Candidate(long videoId, long subjectId, String subjectName, LocalDate date, String exercise, String videoName) {
        public String label() { return subjectName + " · " + date + " · " + exercise + " · " + videoName; }
    }

    @PreAuthorize("hasRole('VIEWER')")
    public List<Candidate> forVideo(long videoId, long subjectId) {
        return jdbc.sql("""
                        select v.id, s.id as subject_id, s.display_name, se.session_date, se.exercise, v.original_name
                        from video v
                        join session se on se.id = v.session_id and se.clinic_id = v.clinic_id
                        join subject s on s.id = se.subject_id and s.clinic_id = se.clinic_id
                        where v.clinic_id = :clinic and v.id <> :video
                          and exists (select 1 from analysis a where a.video_id = v.id and a.clinic_id = v.clinic_id and a.complete)
                        order by (s.id = :subject) desc, se.session_date desc, v.id desc
                        limit 200""")
                .param("clinic", currentUser.clinicId()).param("video", videoId).param("subject", subjectId)
                .query((rs, n) -> new Candidate(rs.getLong("id"), rs.getLong("subject_id"), rs.getString("display_name"),
                        rs.getObject("session_date", LocalDate.class), rs.getString("exercise"), rs.getString("original_name")))
                .list();
    }
}
