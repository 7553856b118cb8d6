package org.poseanalytics.web.analysis;

import java.util.Optional;
import org.poseanalytics.web.subject.Session;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.subject.SubjectService;
import org.poseanalytics.web.video.Video;
import org.poseanalytics.web.video.VideoService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Reads a video's latest complete analysis through the job runner's clinic-scoped read API: which analysis, and what
 * can change after it was stored (its figures and headlines, the session, the subject), for every call; its series
 * from memory when an earlier call read them ({@link AnalysisCache}).
 */
@Service
public class VideoAnalysisService {
    private final VideoService videos;
    private final SessionService sessions;
    private final AnalysisQueries queries;
    private final SubjectService subjects;
    private final AnalysisCache cache;

    VideoAnalysisService(VideoService videos, SessionService sessions, AnalysisQueries queries, SubjectService subjects,
                         AnalysisCache cache) {
        this.videos = videos;
        this.sessions = sessions;
        this.queries = queries;
        this.subjects = subjects;
        this.cache = cache;
    }

    /** The cameras, clock offsets and reprojection error when the analysis was triangulated from several cameras. */
    @PreAuthorize("hasRole('VIEWER')")
    public Optional<MultiViewFacts> multiView(long analysisId) {
        return queries.multiView(analysisId);
    }

    /** The 3D skeleton of a multi-camera analysis and its calibration, for the 3D view and the cameras' reprojections. */
    @PreAuthorize("hasRole('VIEWER')")
    public Optional<MultiViewSkeleton> multiViewSkeleton(long analysisId) {
        return queries.multiViewSkeleton(analysisId);
    }

    /** Every person followed in the video of {@code a} (the subject among them), for drawing who was seen. */
    @PreAuthorize("hasRole('VIEWER')")
    public java.util.List<TrackSeries> people(VideoAnalysis a) {
        return cache.series(a.analysis()).people();
    }

    /**
     * The overlay player's data of {@code a} (from {@link #latest}) with angle labels of {@code columns}, the other
     * people drawn faintly, for the player's time {@code atS} (a long analysis goes a window at a time: {@link PlayerData}):
     * built once per analysis, columns and window ({@link AnalysisCache}).
     */
    @PreAuthorize("hasRole('VIEWER')")
    public String playerData(VideoAnalysis a, java.util.List<String> columns, double atS) {
        return cache.playerData(a, columns, atS);
    }

    /** An analysis's figures as stored now (a tracked point adds its velocity figures after the analysis). */
    @PreAuthorize("hasRole('VIEWER')")
    public java.util.List<org.poseanalytics.kinematics.metric.MetricRecord> metrics(long analysisId) {
        return queries.metrics(analysisId);
    }

    /** The id of the analysis a video shows now (its latest complete one): cheap, to learn whether a page is behind. */
    @PreAuthorize("hasRole('VIEWER')")
    public Optional<Long> latestId(long videoId) {
        return queries.latestComplete(videoId).map(Analysis::id);
    }

    @PreAuthorize("hasRole('VIEWER')")
    public Optional<VideoAnalysis> latest(long videoId) {
        Video video = videos.get(videoId);
        Session session = sessions.get(video.sessionId());
        Optional<Analysis> a = queries.latestComplete(videoId);
        if (a.isEmpty()) return Optional.empty();
        long id = a.get().id();
        // read in the user's clinic just now, so its series may come from memory
        StoredSeries series = cache.series(a.get());
        return Optional.of(new VideoAnalysis(session, video, a.get(), series.angles(), series.subjectSeries(),
                series.repetitions(), queries.metrics(id), queries.headlines(id), subjects.get(session.subjectId()).involvedSide()));
    }
}
