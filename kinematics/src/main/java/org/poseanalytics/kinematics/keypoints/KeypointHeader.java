package org.poseanalytics.kinematics.keypoints;

import java.nio.file.Path;

/**
 * What a keypoint file says about itself, learnt by a first pass that keeps none of its frames: what the checks before
 * analysis need (a job's frame limit, a video the keypoints are attached to) and what the frames are made with (the frame
 * size their pixels belong to, the rate that times them). Where the file does not say, the user's options have filled in.
 */
public record KeypointHeader(KeypointFormat format, Path source, int width, int height, double fps, int frames) {}
