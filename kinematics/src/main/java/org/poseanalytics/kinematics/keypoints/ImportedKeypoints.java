package org.poseanalytics.kinematics.keypoints;

import java.nio.file.Path;
import java.util.List;
import org.poseanalytics.pose.FramePoses;
import org.poseanalytics.pose.video.VideoInfo;

/**
 * A keypoint file read whole ({@link KeypointReader#read}): every frame's people in our landmarks (pixels of a
 * {@code width} × {@code height} frame) with the file's {@link KeypointSummary}. For small files, tests and tools; an
 * analysis streams the frames instead. Frame times come from the file where it has them, else index / fps: keypoint
 * files of other tools rarely keep the video's own timestamps.
 */
public record ImportedKeypoints(KeypointSummary summary, List<FramePoses> frames) {
    public ImportedKeypoints {
        frames = List.copyOf(frames);
    }

    public KeypointFormat format() { return summary.header().format(); }

    public String layout() { return summary.layout(); }

    public Path source() { return summary.header().source(); }

    public int width() { return summary.header().width(); }

    public int height() { return summary.header().height(); }

    public double fps() { return summary.header().fps(); }

    public List<String> notes() { return summary.notes(); }

    public long framesWithPose() { return summary.framesWithPose(); }

    public int mostPeopleInAFrame() { return summary.mostPeopleInAFrame(); }

    public String description() { return summary.description(); }

    public VideoInfo videoInfo() { return summary.videoInfo(); }
}
