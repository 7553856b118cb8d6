package org.poseanalytics.web.analysis;

import java.util.List;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.repetition.Repetition;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * The parts of a complete analysis that never change once it is stored, and are the costly ones to read: its angle
 * series, the subject's keypoints drawn over the video (the filtered series, else the raw one; null when nobody was
 * found), its repetitions and every person followed. A correction, a re-analysis or another person chosen stores a
 * new analysis, under a new id; what does change after storing (the figures and headlines: a tracked point adds and
 * removes figures) is not here.
 */
record StoredSeries(AngleTable angles, KeypointSeries subjectSeries, List<Repetition> repetitions, List<TrackSeries> people) {
    StoredSeries {
        repetitions = List.copyOf(repetitions);
        people = List.copyOf(people);
    }

    /** The people other than the analysed one, drawn faintly so the user can check the right person was analysed. */
    List<TrackSeries> others(Integer subjectTrackId) {
        return people.stream().filter(t -> subjectTrackId == null || t.trackId() != subjectTrackId).toList();
    }

    /** Roughly what this takes on the heap, in bytes: its arrays (the rest is small beside them). */
    long bytes() {
        long n = angles.frames().length;
        long total = 16 * n;
        total += 10 * n * angles.series().size(); // per column: float values and velocities, a byte of issue, maybe a keypoint index
        total += bytes(subjectSeries);
        for (TrackSeries t : people) total += bytes(t.series());
        return total + 200L * repetitions.size();
    }

    private static long bytes(KeypointSeries s) {
        if (s == null) return 0;
        long channels = 4 + (s.hasWorld() ? 3 : 0); // x, y, z, visibility; world x, y, z
        return 16L * s.length() + channels * s.skeleton().size() * (4L * s.length() + 16);
    }
}
