package org.poseanalytics.web.analysis;

import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Analysed videos of the clinic to compare a video with: the same subject's first, newest first. */
@Service
public class CompareCandidates {
    private final AnalysisQueries queries;

    CompareCandidates(AnalysisQueries queries) {
        this.queries = queries;
    }

    public record Candidate(long videoId, long subjectId, String subjectName, LocalDate date, String exercise, String videoName) {
        public String label() { return subjectName + " · " + date + " · " + exercise + " · " + videoName; }
    }

    @PreAuthorize("hasRole('VIEWER')")
    public List<Candidate> forVideo(long videoId, long subjectId) {
        return queries.analysedVideos(videoId, subjectId);
    }
}
