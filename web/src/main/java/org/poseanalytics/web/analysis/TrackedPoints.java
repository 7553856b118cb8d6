package org.poseanalytics.web.analysis;

import java.time.OffsetDateTime;
import java.util.List;
import org.poseanalytics.web.NotFoundException;
import org.poseanalytics.web.account.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The points users tracked on an analysis (table analysis_tracked_point), scoped by the signed-in user's clinic
 * like {@link AnalysisQueries}: another clinic's analysis or point answers like a missing one. Auditing is the
 * caller's (it knows the subject and the video).
 */
@Service
public class TrackedPoints {
    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    TrackedPoints(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    @PreAuthorize("hasRole('VIEWER')")
    @Transactional(readOnly = true)
    public List<TrackedPath> list(long analysisId) {
        return jdbc.sql("""
                        select p.*, acc.display_name as created_by_name from analysis_tracked_point p
                        join analysis a on a.id = p.analysis_id and a.clinic_id = p.clinic_id
                        left join account acc on acc.id = p.created_by
                        where p.analysis_id = :id and p.clinic_id = :clinic and a.complete order by p.point_no""")
                .param("id", analysisId).param("clinic", currentUser.clinicId())
                .query((rs, n) -> new TrackedPath(rs.getLong("id"), rs.getLong("analysis_id"),
                        new PointPath(rs.getInt("point_no"), rs.getDouble("spec_x_px"), rs.getDouble("spec_y_px"),
                                rs.getDouble("spec_time_s"), rs.getLong("anchor_frame"), SqlArrays.longs(rs, "frames"),
                                SqlArrays.doubles(rs, "times_s"), SqlArrays.floats(rs, "x_px"), SqlArrays.floats(rs, "y_px"),
                                SqlArrays.floats(rs, "confidence")),
                        rs.getString("created_by_name"), rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    /** Stores a followed point under the next free number of the analysis; the path's own pointId is ignored. */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public TrackedPath add(long analysisId, PointPath path) {
        long clinic = currentUser.clinicId();
        // Lock the analysis row: two points added at once must not take the same number.
        jdbc.sql("select id from analysis where id = :id and clinic_id = :clinic and complete for update")
                .param("id", analysisId).param("clinic", clinic).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("Analysis " + analysisId));
        long id = jdbc.sql("""
                        insert into analysis_tracked_point (clinic_id, analysis_id, point_no, spec_x_px, spec_y_px, spec_time_s,
                                                            anchor_frame, frames, times_s, x_px, y_px, confidence, created_by)
                        values (:clinic, :analysis,
                                (select coalesce(max(point_no), 0) + 1 from analysis_tracked_point where analysis_id = :analysis),
                                :sx, :sy, :st, :anchor, :frames, :times, :x, :y, :c, :by)
                        returning id""")
                .param("clinic", clinic).param("analysis", analysisId)
                .param("sx", path.specXPx()).param("sy", path.specYPx()).param("st", path.specTimeS())
                .param("anchor", path.anchorFrame()).param("frames", SqlArrays.ints(path.frames()))
                .param("times", path.timesS()).param("x", path.xPx()).param("y", path.yPx()).param("c", path.confidence())
                .param("by", currentUser.get().accountId())
                .query(Long.class).single();
        return list(analysisId).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    /** Removes one tracked point; false when there is no such point in this clinic. */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public boolean remove(long analysisId, long id) {
        return jdbc.sql("delete from analysis_tracked_point where id = :id and analysis_id = :analysis and clinic_id = :clinic")
                .param("id", id).param("analysis", analysisId).param("clinic", currentUser.clinicId()).update() == 1;
    }
}
