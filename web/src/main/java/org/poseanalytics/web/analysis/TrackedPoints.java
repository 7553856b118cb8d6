package org.poseanalytics.web.analysis;

import java.util.List;
import org.poseanalytics.tracking.point.PointTrajectory;
import org.poseanalytics.web.NotFoundException;
import org.poseanalytics.web.account.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The points users tracked on an analysis (stored by {@link TrackedPointCodec}), scoped by the signed-in user's clinic
 * like {@link AnalysisQueries}: another clinic's analysis or point answers like a missing one. Auditing is the
 * caller's (it knows the subject and the video).
 */
@Service
public class TrackedPoints {
    private final AnalysisStore store;
    private final AnalysisQueries queries;
    private final CurrentUser currentUser;

    TrackedPoints(AnalysisStore store, AnalysisQueries queries, CurrentUser currentUser) {
        this.store = store;
        this.queries = queries;
        this.currentUser = currentUser;
    }

    @PreAuthorize("hasRole('VIEWER')")
    public List<TrackedPath> list(long analysisId) {
        return queries.trackedPoints(analysisId);
    }

    /** Stores a followed point under the next free number of the analysis; the trajectory's own pointId is ignored. */
    @PreAuthorize("hasRole('CLINICIAN')")
    @Transactional
    public TrackedPath add(long analysisId, PointTrajectory trajectory) {
        long id = store.addTrackedPoint(currentUser.clinicId(), analysisId, trajectory, currentUser.get().accountId())
                .orElseThrow(() -> new NotFoundException("Analysis " + analysisId));
        return list(analysisId).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    /** Removes one tracked point; false when there is no such point in this clinic. */
    @PreAuthorize("hasRole('CLINICIAN')")
    public boolean remove(long analysisId, long id) {
        return store.removeTrackedPoint(currentUser.clinicId(), analysisId, id);
    }
}
