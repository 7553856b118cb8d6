package org.poseanalytics.web.analysis;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import org.poseanalytics.kinematics.pipeline.AnalysisException;
import org.poseanalytics.kinematics.pipeline.AnalysisRequest;
import org.poseanalytics.pose.video.VideoLimits;
import org.poseanalytics.tracking.point.PointSpec;
import org.poseanalytics.tracking.point.PointTracker;
import org.poseanalytics.tracking.point.PointTrajectory;
import org.poseanalytics.web.NotFoundException;
import org.poseanalytics.web.account.CurrentUser;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.audit.AuditAction;
import org.poseanalytics.web.audit.AuditService;
import org.poseanalytics.web.storage.Storage;
import org.poseanalytics.web.subject.Session;
import org.poseanalytics.web.subject.SessionService;
import org.poseanalytics.web.video.AnalysisSources;
import org.poseanalytics.web.video.Video;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Follows a point the user clicked (e.g. the end of a bar) through a video with the tracking module's
 * {@link PointTracker}, synchronously, for the page to run on a worker thread with a progress bar, and keeps the
 * path with the video's analysis so it is there when the page is opened again. Frames come from the pose engine's
 * decoder, so the path shares the keypoints' coordinates (rotation applied). Adding and removing a point is
 * recorded in the audit log (a subject's stored data changes).
 */
@Service
public class PointTrackingService {
    /** Longer videos would keep the page waiting too long; they belong in the analysis job. */
    public static final double MAX_DURATION_S = 120;

    private final Storage storage;
    private final TrackedPoints points;
    private final SessionService sessions;
    private final AuditService audit;
    private final CurrentUser currentUser;

    private final VideoLimits limits;
    private final AnalysisSources sources;

    PointTrackingService(Storage storage, TrackedPoints points, SessionService sessions, AuditService audit, CurrentUser currentUser,
                         VideoLimits limits, AnalysisSources sources) {
        this.limits = limits;
        this.sources = sources;
        this.storage = storage;
        this.points = points;
        this.sessions = sessions;
        this.audit = audit;
        this.currentUser = currentUser;
    }

    /** Whether the signed-in user may add and remove points (viewers only see them). */
    public boolean canEdit() { return currentUser.has(Role.CLINICIAN); }

    /** The points tracked on this analysis, in the order they were added. */
    @PreAuthorize("hasRole('VIEWER')")
    public List<TrackedPath> stored(long analysisId) { return points.list(analysisId); }

    /** Follows the point through the video and stores it with the analysis. */
    @PreAuthorize("hasRole('CLINICIAN')")
    public TrackedPath trackAndStore(Video video, long analysisId, PointSpec spec, DoubleConsumer progress) {
        PointTrajectory path = track(video, spec, progress);
        TrackedPath stored = points.add(analysisId, path);
        Session s = sessions.get(video.sessionId());
        audit.record(AuditAction.TRACKED, s.subjectId(), video.id(), String.format(Locale.ROOT,
                "point %d tracked on video %d from (%.0f, %.0f) px at %.2f s, followed in %d of %d frames", stored.number(),
                video.id(), spec.xPx(), spec.yPx(), spec.timeS(), stored.trajectory().framesSeen(), stored.trajectory().points().size()));
        return stored;
    }

    @PreAuthorize("hasRole('CLINICIAN')")
    public void remove(Video video, TrackedPath point) {
        if (!points.remove(point.analysisId(), point.id())) throw new NotFoundException("Tracked point " + point.id());
        Session s = sessions.get(video.sessionId());
        audit.record(AuditAction.DELETED, s.subjectId(), video.id(),
                "tracked point " + point.number() + " removed from video " + video.id());
    }

    PointTrajectory track(Video video, PointSpec spec, DoubleConsumer progress) {
        if (!video.hasVideo()) throw new org.poseanalytics.web.UserInputException("Keypoints imported without a video have no frames to follow a point on.");
        Path file = storage.video(video.storageName());
        // decoded where the analysis decodes (a worker process by default, pose.decode.isolation)
        AnalysisRequest request = AnalysisRequest.of(file).withLimits(limits).withPoints(List.of(spec));
        try {
            List<PointTrajectory> out = sources.points().track(request, progress);
            progress.accept(1.0);
            return out.getFirst();
        } catch (AnalysisException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
