package org.poseanalytics.web.analysis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.poseanalytics.kinematics.KinematicsInput;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.correction.KeypointCorrection;
import org.poseanalytics.kinematics.correction.Reanalysis;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.tracking.FilteredSeries;
import org.poseanalytics.tracking.series.KeypointSeries;
import org.poseanalytics.web.NotFoundException;
import org.poseanalytics.web.UserInputException;
import org.poseanalytics.web.account.CurrentUser;
import org.poseanalytics.web.audit.AuditAction;
import org.poseanalytics.web.audit.AuditService;
import org.poseanalytics.web.subject.InvolvedSide;
import org.poseanalytics.web.subject.Session;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.subject.SubjectService;
import org.poseanalytics.web.video.Video;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A clinician's corrections of the analysed person's keypoints (table {@code keypoint_correction}), laid over the model's
 * analysis, which stays as it was. Each change (a keypoint moved or marked not visible, a correction removed) is audited
 * and reruns the library's kinematics stage on the corrected series ({@link Reanalysis}); the result is stored as an
 * analysis made from the model's ({@link AnalysisStore#saveCorrected}), which the video then shows. Without corrections
 * the model's analysis shows again. Clinic-scoped; another clinic's analysis answers like a missing one.
 */
@Service
public class KeypointCorrections {
    private static final String SELECT = """
            select k.id, k.frame, k.landmark, k.x_px, k.y_px, k.window_frames, acc.display_name as created_by_name, k.created_at
            from keypoint_correction k left join account acc on acc.id = k.created_by
            where k.analysis_id = :analysis and k.clinic_id = :clinic order by k.frame, k.landmark""";

    /** A stored correction: the library's record with who made it and when. */
    public record Stored(long id, KeypointCorrection correction, String createdBy, OffsetDateTime createdAt) {}

    /** What a page or an export says about an analysis: the model's or corrected, and how much. */
    public record State(long modelAnalysisId, Long correctedAnalysisId, List<Stored> corrections) {
        public boolean corrected() { return correctedAnalysisId != null && !corrections.isEmpty(); }

        /** One line for a report: "Keypoints corrected by a clinician on 1 frame (2 corrections); numbers recomputed from them." */
        public String note() {
            if (!corrected()) return "";
            long frames = corrections.stream().mapToLong(s -> s.correction().frame()).distinct().count();
            return String.format(Locale.ROOT, "Keypoints corrected by a clinician on %d frame%s (%d correction%s); angles, repetitions"
                            + " and figures recomputed from them.", frames, frames == 1 ? "" : "s", corrections.size(),
                    corrections.size() == 1 ? "" : "s");
        }

        /** "Keypoints corrected by a clinician: 2 corrections on frames 169–169 …"; empty for the model's own output. */
        public String describe() {
            if (!corrected()) return "";
            long frames = corrections.stream().mapToLong(s -> s.correction().frame()).distinct().count();
            return String.format(Locale.ROOT, "Keypoints corrected by a clinician: %d correction%s on %d frame%s (each blended over"
                            + " its window into the model's output); angles, repetitions and figures recomputed from the corrected series."
                            + " The model's uncorrected analysis is kept.", corrections.size(), corrections.size() == 1 ? "" : "s",
                    frames, frames == 1 ? "" : "s");
        }
    }

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final SessionService sessions;
    private final SubjectService subjects;
    private final AnalysisQueries queries;
    private final AnalysisStore store;

    KeypointCorrections(JdbcClient jdbc, CurrentUser currentUser, AuditService audit, SessionService sessions, SubjectService subjects,
                        AnalysisQueries queries, AnalysisStore store) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.sessions = sessions;
        this.subjects = subjects;
        this.queries = queries;
        this.store = store;
    }

    /** The state of the analysis shown ({@code analysisId}: the model's or a corrected one). */
    @PreAuthorize("hasRole('VIEWER')")
    public State state(long analysisId) {
        long clinic = currentUser.clinicId();
        Long base = jdbc.sql(AnalysisCodec.CORRECTED_FROM).param("id", analysisId).param("clinic", clinic)
                .query((rs, n) -> (Long) rs.getObject(1)).optional().orElse(null);
        long model = base == null ? analysisId : base;
        List<Stored> list = jdbc.sql(SELECT).param("analysis", model).param("clinic", clinic).query(KeypointCorrections::read).list();
        return new State(model, base == null ? null : analysisId, list);
    }

    /**
     * Moves one keypoint of the analysed person on one frame (x, y in pixels of the displayed frame), or marks it not
     * visible (x and y null), reaching {@code windowFrames} frames either side; replaces an earlier correction of that
     * keypoint on that frame. Answers the id of the corrected analysis now shown.
     *
     * @throws UserInputException when the frame, keypoint, position or window cannot be a correction (nothing is stored)
     */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public long correct(Video video, long shownAnalysisId, long frame, int landmark, Double x, Double y, int windowFrames) {
        State now = state(shownAnalysisId);
        Analysis model = queries.get(now.modelAnalysisId());
        if (model.videoId() != video.id()) throw new NotFoundException("Analysis " + shownAnalysisId);
        if (landmark < 0 || landmark >= model.landmarks().size()) throw new UserInputException("There is no keypoint " + landmark + ".", "correction");
        if (windowFrames < 0 || windowFrames > KeypointCorrection.MAX_WINDOW)
            throw new UserInputException("A correction reaches 0 to " + KeypointCorrection.MAX_WINDOW + " frames either side.", "correction");
        if (x != null && (x < 0 || y < 0 || x > video.width() || y > video.height()))
            throw new UserInputException("The keypoint must stay inside the picture.", "correction");
        jdbc.sql("""
                        insert into keypoint_correction (clinic_id, analysis_id, frame, landmark, x_px, y_px, window_frames, created_by)
                        values (:clinic, :analysis, :frame, :landmark, :x, :y, :window, :by)
                        on conflict (analysis_id, frame, landmark) do update set x_px = excluded.x_px, y_px = excluded.y_px,
                            window_frames = excluded.window_frames, created_by = excluded.created_by, created_at = now()
                        where keypoint_correction.clinic_id = excluded.clinic_id""")
                .param("clinic", currentUser.clinicId()).param("analysis", model.id()).param("frame", frame).param("landmark", landmark)
                .param("x", x, Types.DOUBLE).param("y", y, Types.DOUBLE).param("window", windowFrames)
                .param("by", currentUser.get().accountId()).update();
        long shown = recompute(video, model);
        audit.record(AuditAction.CHANGED, subjectOf(video), video.id(), String.format(Locale.ROOT,
                "keypoint %s of analysis %d %s on frame %d (±%d frames); recomputed as analysis %d", model.landmarks().get(landmark),
                model.id(), x == null ? "marked not visible" : String.format(Locale.ROOT, "moved to (%.0f, %.0f) px", x, y), frame,
                windowFrames, shown));
        return shown;
    }

    /** Removes one correction and recomputes; answers the analysis now shown (the model's when none is left). */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public long remove(Video video, long shownAnalysisId, long correctionId) {
        State now = state(shownAnalysisId);
        Analysis model = queries.get(now.modelAnalysisId());
        if (model.videoId() != video.id()) throw new NotFoundException("Analysis " + shownAnalysisId);
        int removed = jdbc.sql("delete from keypoint_correction where id = :id and analysis_id = :analysis and clinic_id = :clinic")
                .param("id", correctionId).param("analysis", model.id()).param("clinic", currentUser.clinicId()).update();
        if (removed == 0) throw new NotFoundException("Correction " + correctionId);
        long shown = recompute(video, model);
        audit.record(AuditAction.CHANGED, subjectOf(video), video.id(), "keypoint correction " + correctionId + " of analysis "
                + model.id() + " removed; " + (shown == model.id() ? "the model's analysis shows again" : "recomputed as analysis " + shown));
        return shown;
    }

    /** The model's analysis when no correction is left, else a new corrected analysis from all of them. */
    private long recompute(Video video, Analysis model) {
        long clinic = currentUser.clinicId();
        List<KeypointCorrection> corrections = jdbc.sql(SELECT).param("analysis", model.id()).param("clinic", clinic)
                .query(KeypointCorrections::read).list().stream().map(Stored::correction).toList();
        if (corrections.isEmpty()) {
            store.removeCorrected(clinic, model.id());
            return model.id();
        }
        KeypointSeries series = queries.subjectKeypoints(model.id(), SubjectSeriesCodec.Kind.FILTERED)
                .orElseThrow(() -> new UserInputException("This analysis has no keypoints of the person to correct.", "correction"));
        Session session = sessions.get(video.sessionId());
        InvolvedSide involved = subjects.get(session.subjectId()).involvedSide();
        Side side = involved == InvolvedSide.LEFT ? Side.LEFT : involved == InvolvedSide.RIGHT ? Side.RIGHT : Side.NONE;
        Exercise exercise = model.exerciseGuessed() ? null : Exercise.parse(model.exercise());
        long start = System.nanoTime();
        Reanalysis.Result r;
        try {
            // Interpolated samples are not stored with the series: the model's series is taken as measured.
            r = Reanalysis.run(new KinematicsInput(FilteredSeries.asIs(series, Double.NaN), exercise, side, video.width(), video.height(),
                    model.scale()), corrections);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("These corrections cannot be applied: " + e.getMessage(), "correction");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return store.saveCorrected(clinic, video.id(), model.id(), currentUser.get().accountId(), r.kinematics(),
                r.corrected().series().series(), model.scale(), seconds).orElseThrow(() -> new NotFoundException("Analysis " + model.id()))
                .analysisId();
    }

    private long subjectOf(Video video) { return sessions.get(video.sessionId()).subjectId(); }

    private static Stored read(ResultSet rs, int n) throws SQLException {
        Object x = rs.getObject("x_px");
        KeypointCorrection c = x == null ? KeypointCorrection.hidden(rs.getLong("frame"), rs.getInt("landmark"), rs.getInt("window_frames"))
                : new KeypointCorrection(rs.getLong("frame"), rs.getInt("landmark"), rs.getDouble("x_px"), rs.getDouble("y_px"),
                rs.getInt("window_frames"));
        return new Stored(rs.getLong("id"), c, rs.getString("created_by_name"), rs.getObject("created_at", OffsetDateTime.class));
    }
}
