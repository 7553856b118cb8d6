package org.poseanalytics.web.analysis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.poseanalytics.kinematics.scale.Scale;
import org.poseanalytics.kinematics.scale.ScaleSpec;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The analysis_job rows and the video's status, as the job runner moves them along. No principal here: a worker
 * has no signed-in user; the clinic comes with the row. User-facing reads go through {@link AnalysisJobs}.
 */
@Component
class JobRecords {
    static final String SELECT = """
            select j.*, a.display_name as requested_by_name from analysis_job j
            left join account a on a.id = j.requested_by
            """;

    /**
     * What a starting job needs to know; {@code involvedSide} is the subject's ("left", "right", "both", "none"),
     * {@code scale} the scale asked for when the job was queued (None for jobs queued before scales).
     */
    record Work(UUID jobId, long clinicId, long videoId, UUID storageName, String originalName, String model, String exercise,
                Integer subjectTrackId, Long requestedBy, int attempts, String involvedSide, ScaleSpec scale, KeypointInput keypoints) {
        Work withKeypoints(KeypointInput k) {
            return new Work(jobId, clinicId, videoId, storageName, originalName, model, exercise, subjectTrackId, requestedBy, attempts,
                    involvedSide, scale, k);
        }
    }

    /**
     * A job that reads keypoints instead of decoding its video (issue 18): the keypoint file, its format and packaging,
     * what the user said of it (null: not given), and the video it belongs to: {@code withVideo} when it is an uploaded
     * video (frame size, frames and rate to check the keypoints against), false for the import's own media-less row.
     */
    record KeypointInput(long fileId, UUID storageName, String originalName, String format, String packaging, Double fps,
                         Integer width, Integer height, boolean withVideo, int videoWidth, int videoHeight, long videoFrames,
                         double videoFps) {}

    private final JdbcClient jdbc;

    JobRecords(JdbcClient jdbc) { this.jdbc = jdbc; }

    void insertQueued(UUID jobId, long clinicId, long videoId, String model, String exercise, Integer subjectTrackId, Long requestedBy,
                      ScaleSpec scale) {
        insertQueued(jobId, clinicId, videoId, model, exercise, subjectTrackId, requestedBy, scale, null);
    }

    /** @param keypointFileId the keypoint file the job reads instead of decoding the video; null: decode the video */
    @Transactional
    void insertQueued(UUID jobId, long clinicId, long videoId, String model, String exercise, Integer subjectTrackId, Long requestedBy,
                      ScaleSpec scale, Long keypointFileId) {
        ScaleSpec.Line line = scale instanceof ScaleSpec.Line l ? l : null;
        Double height = scale instanceof ScaleSpec.SubjectHeight h ? h.metres() : null;
        jdbc.sql("""
                        insert into analysis_job (job_id, clinic_id, video_id, model, exercise, subject_track_id, requested_by,
                            scale_source, scale_x1_px, scale_y1_px, scale_x2_px, scale_y2_px, scale_length_m, scale_height_m,
                            keypoint_file_id)
                        values (:job, :clinic, :video, :model, :exercise, :track, :by, :source, :x1, :y1, :x2, :y2, :m, :h,
                                (select id from keypoint_file where id = :kp and clinic_id = :clinic and video_id = :video))""")
                .param("job", jobId).param("clinic", clinicId).param("video", videoId).param("model", model)
                .param("exercise", exercise).param("track", subjectTrackId, java.sql.Types.INTEGER).param("by", requestedBy)
                .param("source", scale.source().id())
                .param("x1", line == null ? null : line.x1(), Types.DOUBLE).param("y1", line == null ? null : line.y1(), Types.DOUBLE)
                .param("x2", line == null ? null : line.x2(), Types.DOUBLE).param("y2", line == null ? null : line.y2(), Types.DOUBLE)
                .param("m", line == null ? null : line.metres(), Types.DOUBLE).param("h", height, Types.DOUBLE)
                .param("kp", keypointFileId, Types.BIGINT).update();
        jdbc.sql("update video set status = 'queued', status_message = null where id = :video")
                .param("video", videoId).update();
    }

    /**
     * Claims the row for this run: empty when there is nothing to do (video deleted, job cancelled or finished).
     * 'running' is accepted too: that is a run after a crash of the worker that had it (JobRunr's orphan recovery).
     */
    @Transactional
    Optional<Work> start(UUID jobId, String worker) {
        Optional<Work> work = jdbc.sql("""
                        update analysis_job j set state = 'running', attempts = attempts + 1, worker = :worker,
                               started_at = now(), updated_at = now(), stage = null, fraction = 0, frames_done = 0,
                               frames_total = 0
                        from video v
                        join session s on s.id = v.session_id and s.clinic_id = v.clinic_id
                        join subject sub on sub.id = s.subject_id and sub.clinic_id = s.clinic_id
                        where j.job_id = :job and v.id = j.video_id and j.state in ('queued', 'running')
                          and not j.cancel_requested
                        returning j.job_id, j.clinic_id, j.video_id, v.storage_name, v.original_name, j.model, j.exercise, j.subject_track_id,
                                  j.requested_by, j.attempts, sub.involved_side, j.scale_source, j.scale_x1_px, j.scale_y1_px,
                                  j.scale_x2_px, j.scale_y2_px, j.scale_length_m, j.scale_height_m, j.keypoint_file_id""")
                .param("job", jobId).param("worker", worker)
                .query((rs, n) -> new Work(rs.getObject("job_id", UUID.class), rs.getLong("clinic_id"), rs.getLong("video_id"),
                        rs.getObject("storage_name", UUID.class), rs.getString("original_name"), rs.getString("model"), rs.getString("exercise"),
                        (Integer) rs.getObject("subject_track_id"), (Long) rs.getObject("requested_by"), rs.getInt("attempts"),
                        rs.getString("involved_side"), scale(rs), rs.getObject("keypoint_file_id") == null ? null
                        : new KeypointInput(rs.getLong("keypoint_file_id"), null, null, null, null, null, null, null, false, 0, 0, 0, 0)))
                .optional()
                .map(w -> w.keypoints() == null ? w : w.withKeypoints(keypointInput(w.clinicId(), w.keypoints().fileId())));
        work.ifPresent(w -> jdbc.sql("update video set status = 'analysing', status_message = null where id = :video")
                .param("video", w.videoId()).update());
        return work;
    }

    private KeypointInput keypointInput(long clinicId, long fileId) {
        return jdbc.sql("""
                        select k.id, k.storage_name, k.original_name, k.format, k.packaging, k.fps, k.frame_width, k.frame_height,
                               v.media, v.width, v.height, v.frames, v.nominal_fps
                        from keypoint_file k join video v on v.id = k.video_id and v.clinic_id = k.clinic_id
                        where k.id = :id and k.clinic_id = :clinic""")
                .param("id", fileId).param("clinic", clinicId)
                .query((rs, n) -> new KeypointInput(rs.getLong("id"), rs.getObject("storage_name", UUID.class), rs.getString("original_name"),
                        rs.getString("format"), rs.getString("packaging"), (Double) rs.getObject("fps"), (Integer) rs.getObject("frame_width"),
                        (Integer) rs.getObject("frame_height"), "video".equals(rs.getString("media")), rs.getInt("width"), rs.getInt("height"),
                        rs.getLong("frames"), rs.getDouble("nominal_fps")))
                .single();
    }

    /** The keypoint file the video's latest job read, if it read one (so that "Analyse again" reads it again). */
    Optional<Long> latestKeypointFile(long clinicId, long videoId) {
        return jdbc.sql("""
                        select keypoint_file_id from analysis_job where clinic_id = :clinic and video_id = :video
                        order by created_at desc limit 1""")
                .param("clinic", clinicId).param("video", videoId).query((rs, n) -> java.util.Optional.ofNullable((Long) rs.getObject(1))).list().stream().findFirst().flatMap(o -> o)
                .or(() -> jdbc.sql("""
                                select k.id from keypoint_file k join video v on v.id = k.video_id and v.clinic_id = k.clinic_id
                                where k.clinic_id = :clinic and k.video_id = :video and v.media = 'keypoints'
                                order by k.uploaded_at desc limit 1""")
                        .param("clinic", clinicId).param("video", videoId).query(Long.class).optional());
    }

    /** An import without a video: its row takes the frame size, frames and rate of the keypoints as read. */
    void recordImported(long videoId, org.poseanalytics.pose.video.VideoInfo info) {
        jdbc.sql("""
                        update video set width = :w, height = :h, frames = :frames, duration_s = :d, nominal_fps = :fps, codec = :codec,
                               container = :container
                        where id = :video and media = 'keypoints'""")
                .param("w", info.width()).param("h", info.height()).param("frames", info.frames()).param("d", info.durationS())
                .param("fps", info.nominalFps()).param("codec", info.codec()).param("container", info.container())
                .param("video", videoId).update();
    }

    /** The scale a job row asks for, as checked by the library's constructors when it was queued. */
    static ScaleSpec scale(ResultSet rs) throws SQLException {
        String source = rs.getString("scale_source");
        return switch (source == null ? Scale.Source.NONE : Scale.Source.parse(source)) {
            case NONE -> new ScaleSpec.None();
            case SUBJECT_HEIGHT -> new ScaleSpec.SubjectHeight(rs.getDouble("scale_height_m"));
            case LINE -> new ScaleSpec.Line(rs.getDouble("scale_x1_px"), rs.getDouble("scale_y1_px"), rs.getDouble("scale_x2_px"),
                    rs.getDouble("scale_y2_px"), rs.getDouble("scale_length_m"));
        };
    }

    /** Writes progress; answers whether a user asked to cancel (one round trip for both). */
    boolean progress(UUID jobId, String stage, double fraction, long framesDone, long framesTotal) {
        return jdbc.sql("""
                        update analysis_job set stage = :stage, fraction = :fraction, frames_done = :done,
                               frames_total = :total, updated_at = now()
                        where job_id = :job returning cancel_requested""")
                .param("job", jobId).param("stage", stage).param("fraction", fraction).param("done", framesDone)
                .param("total", framesTotal).query(Boolean.class).optional().orElse(true);
    }

    @Transactional
    void succeeded(UUID jobId, long videoId, String videoMessage, String jobMessage) {
        finish(jobId, JobState.SUCCEEDED, jobMessage);
        jdbc.sql("update video set status = 'done', status_message = :m where id = :video")
                .param("m", videoMessage).param("video", videoId).update();
    }

    /**
     * A failure that trying again will not fix, with the reason for the user. When an earlier analysis of the video
     * is complete, the video keeps showing it (status done) and says that the new one failed.
     */
    @Transactional
    void failed(UUID jobId, long videoId, String reason) {
        finish(jobId, JobState.FAILED, reason);
        boolean hasResults = hasCompleteAnalysis(videoId);
        jdbc.sql("update video set status = :status, status_message = :m where id = :video")
                .param("status", hasResults ? "done" : "failed")
                .param("m", hasResults ? "The new analysis failed: " + reason + " The earlier results are still shown." : reason)
                .param("video", videoId).update();
    }

    @Transactional
    void cancelled(UUID jobId, long videoId, String who) {
        String message = "Cancelled" + (who == null ? "" : " by " + who) + ".";
        finish(jobId, JobState.CANCELLED, message);
        boolean hasResults = hasCompleteAnalysis(videoId);
        jdbc.sql("update video set status = :status, status_message = :m where id = :video")
                .param("status", hasResults ? "done" : "uploaded")
                .param("m", hasResults ? "A new analysis was cancelled; the earlier results are still shown."
                        : "Analysis cancelled. Use “Analyse” on the video to start it again.")
                .param("video", videoId).update();
    }

    /** An attempt failed in a way another try may fix (JobRunr retries it with backoff). */
    void retrying(UUID jobId, String message) {
        jdbc.sql("update analysis_job set state = 'queued', message = :m, updated_at = now() where job_id = :job and state = 'running'")
                .param("m", message).param("job", jobId).update();
        jdbc.sql("update video set status = 'queued' where id = (select video_id from analysis_job where job_id = :job)")
                .param("job", jobId).update();
    }

    boolean cancelRequested(UUID jobId) {
        return jdbc.sql("select cancel_requested from analysis_job where job_id = :job").param("job", jobId)
                .query(Boolean.class).optional().orElse(false);
    }

    /** Ends a job whose cancel was asked for but that no worker will finish (e.g. its worker died). */
    void settleCancelRequest(UUID jobId) {
        jdbc.sql("select video_id from analysis_job where job_id = :job and cancel_requested and state in ('queued', 'running')")
                .param("job", jobId).query(Long.class).optional().ifPresent(video -> cancelled(jobId, video, null));
    }

    /** Marks a cancel request; a job not yet started is cancelled at once. Returns the job's state afterwards. */
    @Transactional
    Optional<JobState> requestCancel(UUID jobId, String who) {
        Optional<JobState> state = jdbc.sql("""
                        update analysis_job set cancel_requested = true, updated_at = now(), message = :m
                        where job_id = :job and state in ('queued', 'running') returning state, video_id""")
                .param("job", jobId).param("m", "Cancelling" + (who == null ? "" : " (asked by " + who + ")") + "…")
                .query((rs, n) -> new Object[] {JobState.of(rs.getString("state")), rs.getLong("video_id")}).optional()
                .map(r -> {
                    if (r[0] == JobState.QUEUED) cancelled(jobId, (Long) r[1], who);
                    return (JobState) r[0];
                });
        return state;
    }

    private void finish(UUID jobId, JobState state, String message) {
        jdbc.sql("""
                        update analysis_job set state = :state, message = :m, finished_at = now(), updated_at = now(),
                               fraction = case when :state = 'succeeded' then 1 else fraction end,
                               stage = case when :state = 'succeeded' then 'done' else stage end
                        where job_id = :job""")
                .param("state", state.code()).param("m", message).param("job", jobId).update();
    }

    boolean hasCompleteAnalysis(long videoId) {
        return jdbc.sql(AnalysisCodec.HAS_COMPLETE).param("v", videoId)
                .query(Boolean.class).single();
    }

    Optional<JobProgress> get(UUID jobId) {
        return jdbc.sql(SELECT + " where j.job_id = :job").param("job", jobId).query(JobRecords::map).optional();
    }

    /** The latest job of each of these videos of one clinic. */
    List<JobProgress> latestOf(long clinicId, Collection<Long> videoIds) {
        if (videoIds.isEmpty()) return List.of();
        return jdbc.sql(SELECT + """
                         where j.job_id in (select distinct on (video_id) job_id from analysis_job
                                            where clinic_id = :clinic and video_id = any(:videos)
                                            order by video_id, created_at desc)""")
                .param("clinic", clinicId).param("videos", videoIds.toArray(Long[]::new))
                .query(JobRecords::map).list();
    }

    /** Jobs left queued whose JobRunr job may never have been created (the app died between the two writes). */
    List<UUID> queuedBefore(OffsetDateTime time) {
        return jdbc.sql("""
                        select job_id from analysis_job where state = 'queued' and attempts = 0 and dispatched_at is not null
                          and dispatched_at < :t""")
                .param("t", time).query(UUID.class).list();
    }

    static JobProgress map(ResultSet rs, int n) throws SQLException {
        return new JobProgress(rs.getObject("job_id", UUID.class), rs.getLong("video_id"), JobState.of(rs.getString("state")),
                rs.getString("stage"), rs.getDouble("fraction"), rs.getLong("frames_done"), rs.getLong("frames_total"),
                rs.getInt("attempts"), rs.getString("worker"), rs.getString("model"), rs.getString("exercise"),
                (Integer) rs.getObject("subject_track_id"), rs.getString("message"),
                rs.getString("requested_by_name"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class));
    }
}
