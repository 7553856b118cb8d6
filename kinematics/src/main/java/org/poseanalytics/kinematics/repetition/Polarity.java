package org.poseanalytics.kinematics.repetition;

/** Which way a repetition moves the signal away from rest. */
public enum Polarity {
    /** Rest is the low end (standing before a squat: knee flexion rises, then falls back). */
    RISES,
    /** Rest is the high end (seated before standing up: knee flexion falls, then rises back). */
    FALLS
}
