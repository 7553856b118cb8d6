package org.poseanalytics.kinematics.keypoints;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.poseanalytics.kinematics.pipeline.AnalysisSummary;
import org.poseanalytics.pose.FramePoses;
import org.poseanalytics.pose.PersonPose;
import org.poseanalytics.pose.video.VideoInfo;

/**
 * A keypoint file once its frames went by: its header, the layout the file was in ("BODY_25", "COCO_18", "BlazePose 33",
 * marker names) and notes for the user (keypoints left out, options not needed), which only the frames tell, and the
 * counts the analysis reports, taken as the frames streamed past ({@link Tally}).
 */
public record KeypointSummary(KeypointHeader header, String layout, List<String> notes, int frames, long framesWithPose,
                              int mostPeopleInAFrame, double lastTimeS) {
    public KeypointSummary {
        notes = List.copyOf(notes);
    }

    /** What the summary names as the source: e.g. "OpenPose BODY_25 keypoints imported from squat_json (65 frames, up to 2 people a frame); notes". */
    public String description() {
        String line = String.format(Locale.ROOT, "%s %s keypoints imported from %s (%d frames, up to %d %s a frame)", header.format().label(), layout,
                header.source().getFileName(), frames, mostPeopleInAFrame, mostPeopleInAFrame == 1 ? "person" : "people");
        return notes.isEmpty() ? line : line + "; " + String.join("; ", notes);
    }

    /** The "video" of an import: its frames, the frame size and rate; no codec, no rotation (the pixels are as the tool gave them). */
    public VideoInfo videoInfo() {
        return new VideoInfo(AnalysisSummary.Source.KEYPOINTS_CONTAINER, header.format().id() + " " + layout, header.width(), header.height(), 0,
                frames, frames == 0 ? 0 : lastTimeS + 1 / header.fps(), header.fps(), false, false);
    }

    /** Counts the frames on their way to a sink, so that the summary needs none of them kept. */
    static final class Tally implements Consumer<FramePoses> {
        private final Consumer<FramePoses> sink;
        private int frames, mostPeople;
        private long withPose;
        private double lastTimeS = Double.NaN;
        private boolean anyWorld;

        Tally(Consumer<FramePoses> sink) { this.sink = sink; }

        @Override
        public void accept(FramePoses frame) {
            frames++;
            if (!frame.persons().isEmpty()) withPose++;
            mostPeople = Math.max(mostPeople, frame.persons().size());
            lastTimeS = frame.timeS();
            if (!anyWorld) anyWorld = frame.persons().stream().anyMatch(PersonPose::hasWorld);
            sink.accept(frame);
        }

        /** Whether some person of some frame had world landmarks (3D angles are possible). */
        boolean anyWorld() { return anyWorld; }

        KeypointSummary summary(KeypointHeader header, String layout, List<String> notes) {
            return new KeypointSummary(header, layout, notes, frames, withPose, mostPeople, lastTimeS);
        }
    }
}
