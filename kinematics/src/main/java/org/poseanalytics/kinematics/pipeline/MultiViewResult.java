package org.poseanalytics.kinematics.pipeline;

import java.util.List;
import org.poseanalytics.kinematics.KinematicsResult;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.metric.Measure;
import org.poseanalytics.multiview.MultiViewStage;
import org.poseanalytics.tracking.identity.Tracks;

/**
 * What a multi-camera analysis found: the pose model's name, the videos' names, every view's tracked people, the multi-view stage's synchronisation,
 * association and triangulation ({@code views}), the kinematics of the triangulated series ({@code kinematics}, all its
 * angles), and what a clinician reads of it: {@code angles3d}, only the triangulated angles (the series' image
 * coordinates are a reprojection into the first camera, whose 2D angles would repeat a single view's errors), and the
 * summary (cameras, offsets, reprojection error, repetitions, the 3D metrics).
 */
public record MultiViewResult(String model, List<String> videoNames, List<Tracks> tracks, MultiViewStage.Result views, KinematicsResult kinematics,
                              AngleTable angles3d, MultiViewSummary summary) {
    public MultiViewResult {
        videoNames = List.copyOf(videoNames);
        tracks = List.copyOf(tracks);
    }

    public java.util.Map<String, Measure> metrics3d() { return summary.metrics(); }

    public List<String> warnings() { return views.warnings(); }
}
