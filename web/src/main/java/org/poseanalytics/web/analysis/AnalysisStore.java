package org.poseanalytics.web.analysis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.poseanalytics.kinematics.KinematicsResult;
import org.poseanalytics.kinematics.pipeline.AnalysisResult;
import org.poseanalytics.kinematics.pipeline.MultiViewResult;
import org.poseanalytics.kinematics.point.PointVelocity;
import org.poseanalytics.kinematics.repetition.Repetition;
import org.poseanalytics.kinematics.scale.Scale;
import org.poseanalytics.tracking.point.PointTrajectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one analysis result set, all or nothing: the rows are inserted in one transaction that also sets
 * {@code complete}, so a reader (or a crash) never sees half a result. Keyed by the job id: a job that runs again
 * (retry, or recovery after a worker died) finds its own committed result and stores nothing new, so a video is
 * never analysed into two result sets by one job.
 *
 * <p>Called by the job runner, not by users: no principal, the clinic comes from the video row the job was given.
 * The large series go out by {@code COPY … (FORMAT binary)} ({@link BinaryCopy}), one per table, the rest in a handful
 * of statements; an hour's results are ~300 MB (docs/BENCHMARKS.md, "Long videos, flat memory"; AnalysisStoreBenchmarkTest).
 */
@Component
public class AnalysisStore {
    private static final Logger log = LoggerFactory.getLogger(AnalysisStore.class);

    /** What a save did: stored a new set, or found the job's set already there. */
    public record Saved(long analysisId, boolean alreadyStored, double storeS) {}

    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;

    AnalysisStore(DataSource dataSource, TransactionTemplate tx, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.tx = tx;
        this.jdbc = jdbc;
    }

    /**
     * Stores the pipeline's result as it is, through one codec per table ({@link AnalysisCodec}, {@link AngleSeriesCodec},
     * {@link SubjectSeriesCodec}, {@link TrackCodec}, {@link RepetitionCodec}, {@link MetricCodec}, {@link HeadlineCodec});
     * the points tracked on the video's previous analysis are carried over ({@link TrackedPointCodec}).
     */
    public Saved save(long clinicId, long videoId, UUID jobId, Long requestedBy, AnalysisResult r) {
        return storeOnce(jobId, "analysis of video " + videoId, c -> {
            KinematicsResult k = r.kinematics();
            long id = AnalysisCodec.insert(c, clinicId, videoId, jobId, requestedBy, r);
            AngleSeriesCodec.insert(c, id, k.angles());
            // The raw series is the subject's track, stored once with the tracks (SubjectSeriesCodec reads it from there).
            if (!r.subject().rawIsTrack()) SubjectSeriesCodec.insert(c, id, SubjectSeriesCodec.Kind.RAW, r.subject().raw());
            SubjectSeriesCodec.insert(c, id, SubjectSeriesCodec.Kind.FILTERED, r.subject().filtered().series());
            TrackCodec.insert(c, id, r.tracks());
            RepetitionCodec.insert(c, id, k.repetitions());
            MetricCodec.insert(c, id, k.metrics(), k.headlines());
            HeadlineCodec.insert(c, id, k.headlines());
            TrackedPointCodec.carry(c, clinicId, videoId, id);
            // A carried point's velocity per repetition is of this analysis: its repetitions, its scale.
            MetricCodec.insert(c, id, PointVelocity.metrics(TrackedPointCodec.carried(c, id), scaleOf(r), k.repetitions()), List.of());
            return id;
        });
    }

    /**
     * Stores a multi-camera analysis as an analysis of the first camera's video (whose image the triangulated series
     * is reprojected into), all or nothing and keyed by the job id as {@link #save} is: the triangulated angles
     * (dimension world_3d), the subject's 3D series (raw: as triangulated; filtered: as measured), the first view's
     * people, repetitions, metrics and headlines through the same codecs, and the cameras, offsets and reprojection
     * error through {@link MultiViewCodec}, and the 3D skeleton with its calibration through {@link MultiViewPointsCodec}.
     */
    public Saved saveMultiView(long clinicId, long recordingId, long firstVideoId, UUID jobId, Long requestedBy, MultiViewResult r,
                               boolean subjectChosenByUser) {
        return storeOnce(jobId, "multi-camera analysis of recording " + recordingId, c -> {
            KinematicsResult k = r.kinematics();
            long id = AnalysisCodec.insertTriangulated(c, clinicId, firstVideoId, jobId, requestedBy, r, subjectChosenByUser);
            AngleSeriesCodec.insert(c, id, r.angles3d());
            SubjectSeriesCodec.insert(c, id, SubjectSeriesCodec.Kind.RAW, r.views().triangulated().toSeries(r.views().calibration(), ""));
            SubjectSeriesCodec.insert(c, id, SubjectSeriesCodec.Kind.FILTERED, r.views().filtered().series());
            if (!r.tracks().isEmpty()) TrackCodec.insert(c, id, r.tracks().getFirst());
            RepetitionCodec.insert(c, id, k.repetitions());
            MetricCodec.insert(c, id, k.metrics().stream().filter(m -> r.metrics3d().containsKey(m.key())).toList(), k.headlines());
            HeadlineCodec.insert(c, id, k.headlines());
            MultiViewCodec.insert(c, id, recordingId, r.summary());
            MultiViewPointsCodec.insert(c, id, r.views());
            return id;
        });
    }

    /**
     * Stores the kinematics recomputed from a clinician's corrections of the model's analysis {@code baseId} as an
     * analysis of its own, marked as made from it (issue 19): the recomputed angles, corrected series, repetitions,
     * figures and headlines through the same codecs; the model's raw series and the people followed copied as they are;
     * the tracked points carried over from the analysis shown until now with their velocity of these repetitions. The
     * earlier corrected analysis of the same base is replaced; the model's own is never touched. Empty when the clinic has
     * no such model's analysis.
     */
    public java.util.Optional<Saved> saveCorrected(long clinicId, long videoId, long baseId, Long requestedBy, KinematicsResult k,
                                                   org.poseanalytics.tracking.series.KeypointSeries corrected, Scale scale,
                                                   double kinematicsS) {
        try {
            return java.util.Optional.of(storeOnce(UUID.randomUUID(), "corrected analysis of analysis " + baseId, c -> {
                Long id = AnalysisCodec.insertCorrected(c, clinicId, baseId, UUID.randomUUID(), requestedBy, k, corrected.filter(), kinematicsS);
                if (id == null) throw new NoSuchBase();
                AngleSeriesCodec.insert(c, id, k.angles());
                copy(c, SubjectSeriesCodec.COPY_RAW, id, baseId);
                copy(c, SubjectSeriesCodec.COPY_RAW_PARTS, id, baseId);
                SubjectSeriesCodec.insert(c, id, SubjectSeriesCodec.Kind.FILTERED, corrected);
                copy(c, TrackCodec.COPY, id, baseId);
                copy(c, TrackCodec.COPY_PARTS, id, baseId);
                RepetitionCodec.insert(c, id, k.repetitions());
                MetricCodec.insert(c, id, k.metrics(), k.headlines());
                HeadlineCodec.insert(c, id, k.headlines());
                TrackedPointCodec.carry(c, clinicId, videoId, id);
                MetricCodec.insert(c, id, PointVelocity.metrics(TrackedPointCodec.carried(c, id), scale, k.repetitions()), List.of());
                try (PreparedStatement ps = c.prepareStatement("delete from analysis where corrected_from = ? and clinic_id = ? and id <> ?")) {
                    ps.setLong(1, baseId);
                    ps.setLong(2, clinicId);
                    ps.setLong(3, id);
                    ps.executeUpdate();
                }
                return id;
            }));
        } catch (NoSuchBase e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Removes the corrected analyses made from the model's analysis {@code baseId}: its own results show again, with
     * the points tracked on it (points added while the corrected one was shown go with it). False when there was none.
     */
    public boolean removeCorrected(long clinicId, long baseId) {
        return jdbc.sql(AnalysisCodec.DELETE_CORRECTED).param("base", baseId).param("clinic", clinicId).update() > 0;
    }

    private static void copy(Connection c, String sql, long to, long from) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, to);
            ps.setLong(2, from);
            ps.executeUpdate();
        }
    }

    private static final class NoSuchBase extends RuntimeException {
        NoSuchBase() { super(null, null, false, false); }
    }

    /** The rows of one result, inserted on the transaction's connection; answers the analysis id. */
    @FunctionalInterface
    private interface Rows {
        long insert(Connection c) throws SQLException;
    }

    /**
     * One job's result, all or nothing and at most once: a job run again after its result was stored (a crash between
     * storing and being marked done) finds it and stores nothing.
     */
    private Saved storeOnce(UUID jobId, String what, Rows rows) {
        long start = System.nanoTime();
        Saved saved = tx.execute(status -> {
            Connection c = DataSourceUtils.getConnection(dataSource);
            try {
                // Durable where it matters without waiting here for tens of MB of WAL to reach the disk: the job is
                // only marked done (JobRecords.succeeded, then JobRunr) by later, synchronous commits, and PostgreSQL
                // flushes its WAL in order, so theirs flushes this one too. A crash before that loses at most this
                // result of a job that is not done, and the job runs again (storing is idempotent per job). Kept after
                // the server became durable (issue 15); its cost is in docs/BENCHMARKS.md, result storage.
                try (var st = c.createStatement()) {
                    st.execute("set local synchronous_commit = off");
                }
                Long existing = existingComplete(c, jobId);
                if (existing != null) return new Saved(existing, true, 0);
                // A half-written attempt cannot be committed (one transaction), but an older schema or a manual
                // insert might have left one: the job's own unfinished row goes first.
                try (PreparedStatement ps = c.prepareStatement(AnalysisCodec.DELETE_UNFINISHED)) {
                    ps.setObject(1, jobId);
                    ps.executeUpdate();
                }
                long id = rows.insert(c);
                double storeS = (System.nanoTime() - start) / 1e9;
                try (PreparedStatement ps = c.prepareStatement(AnalysisCodec.COMPLETE)) {
                    ps.setDouble(1, storeS);
                    ps.setLong(2, id);
                    ps.executeUpdate();
                }
                return new Saved(id, false, storeS);
            } catch (SQLException e) {
                throw new IllegalStateException("Storing the " + what + " failed: " + e.getMessage(), e);
            } finally {
                DataSourceUtils.releaseConnection(c, dataSource);
            }
        });
        log.info("{} ({}): analysis {} {}", what, jobId, saved.analysisId(),
                saved.alreadyStored() ? "already stored by an earlier run of this job" : String.format("stored in %.3f s", (System.nanoTime() - start) / 1e9));
        return saved;
    }

    private static Long existingComplete(Connection c, UUID jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(AnalysisCodec.COMPLETE_OF_JOB)) {
            ps.setObject(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }


    /**
     * Stores a point a user had followed under the next free number of the analysis (the trajectory's own pointId is
     * ignored); empty when the clinic has no such complete analysis. The caller checks the user's rights.
     */
    java.util.Optional<Long> addTrackedPoint(long clinicId, long analysisId, PointTrajectory trajectory, Long createdBy) {
        return java.util.Optional.ofNullable(tx.execute(status -> {
            Long id = TrackedPointCodec.insert(jdbc, clinicId, analysisId, trajectory, createdBy);
            if (id != null) storePointMetrics(clinicId, analysisId, id);
            return id;
        }));
    }

    /**
     * The point's velocity per repetition ({@link PointVelocity}, as the command line computes it), from the analysis's
     * repetitions and scale, stored among the analysis's figures so the page, the exports, the report and the progress
     * page read them like every other figure.
     */
    private void storePointMetrics(long clinicId, long analysisId, long pointId) {
        PointTrajectory stored = TrackedPointCodec.list(jdbc, clinicId, analysisId).stream().filter(p -> p.id() == pointId)
                .findFirst().orElseThrow().trajectory();
        Scale scale = jdbc.sql(AnalysisCodec.SELECT + " where a.id = :id and a.clinic_id = :clinic").param("id", analysisId)
                .param("clinic", clinicId).query(AnalysisCodec::read).single().scale();
        List<Repetition> reps = jdbc.sql(RepetitionCodec.SELECT).param("id", analysisId).param("clinic", clinicId)
                .query(RepetitionCodec::read).list();
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            MetricCodec.insert(c, analysisId, PointVelocity.metrics(stored, scale, reps), List.of());
        } catch (SQLException e) {
            throw new IllegalStateException("Storing the velocity of point " + stored.pointId() + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    /** Removes one tracked point and its figures; false when the clinic has no such point. The caller checks the user's rights. */
    boolean removeTrackedPoint(long clinicId, long analysisId, long id) {
        return Boolean.TRUE.equals(tx.execute(status -> TrackedPointCodec.delete(jdbc, clinicId, analysisId, id).map(number -> {
            jdbc.sql(MetricCodec.DELETE_POINT).param("analysis", analysisId).param("prefix", MetricCodec.pointPrefix(number)).update();
            return true;
        }).orElse(false)));
    }

    private static Scale scaleOf(AnalysisResult r) { return r.scale() == null ? Scale.none() : r.scale(); }
}
