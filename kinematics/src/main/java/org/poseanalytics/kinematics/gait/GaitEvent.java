package org.poseanalytics.kinematics.gait;

import org.poseanalytics.kinematics.angle.Side;

/** A heel strike or toe-off of one foot, at a time refined between samples. */
public record GaitEvent(Type type, Side side, double timeS, long nearestFrame) {
    public enum Type { HEEL_STRIKE, TOE_OFF }
}
