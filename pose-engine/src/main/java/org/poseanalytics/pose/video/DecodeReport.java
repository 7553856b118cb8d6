package org.poseanalytics.pose.video;

/**
 * How far decoding got. {@code complete} is false when the stream ended early (a truncated upload, a corrupt
 * packet): {@code problem} then says in words where it stopped, for the user and the logs.
 */
public record DecodeReport(long framesDecoded, double lastTimeS, double expectedDurationS, boolean complete,
                           String problem) {}
