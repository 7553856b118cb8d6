package org.poseanalytics.kinematics.keypoints;

import java.nio.file.Path;
import java.util.List;
import org.poseanalytics.kinematics.pipeline.AnalysisSummary;
import org.poseanalytics.pose.FramePoses;
import org.poseanalytics.pose.video.VideoInfo;

/**
 * A keypoint file as read: every frame's people in our landmarks (pixels of a {@code width} × {@code height} frame), the
 * frame rate, the format and the layout the file was in ("BODY_25", "COCO_18", "BlazePose 33", marker names), and notes
 * for the user (keypoints left out, options not needed). Frame times come from the file where it has them, else
 * index / fps: keypoint files of other tools rarely keep the video's own timestamps.
 */
public record ImportedKeypoints(KeypointFormat format, String layout, Path source, int width, int height, double fps,
                                List<FramePoses> frames, List<String> notes) {
    public ImportedKeypoints {
        frames = List.copyOf(frames);
        notes = List.copyOf(notes);
    }

    public long framesWithPose() { return frames.stream().filter(f -> !f.persons().isEmpty()).count(); }

    public int mostPeopleInAFrame() { return frames.stream().mapToInt(f -> f.persons().size()).max().orElse(0); }

    /** What the summary names as the source: e.g. "OpenPose BODY_25 keypoints imported from squat_json (65 frames, up to 2 people a frame); notes". */
    public String description() {
        String line = String.format(java.util.Locale.ROOT, "%s %s keypoints imported from %s (%d frames, up to %d %s a frame)", format.label(), layout,
                source.getFileName(), frames.size(), mostPeopleInAFrame(), mostPeopleInAFrame() == 1 ? "person" : "people");
        return notes.isEmpty() ? line : line + "; " + String.join("; ", notes);
    }

    /** The "video" of an import: its frames, the frame size and rate; no codec, no rotation (the pixels are as the tool gave them). */
    public VideoInfo videoInfo() {
        double last = frames.isEmpty() ? 0 : frames.getLast().timeS();
        return new VideoInfo(AnalysisSummary.Source.KEYPOINTS_CONTAINER, format.id() + " " + layout, width, height, 0, frames.size(),
                frames.isEmpty() ? 0 : last + 1 / fps, fps, false, false);
    }
}
