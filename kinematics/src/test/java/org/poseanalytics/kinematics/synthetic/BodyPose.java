package org.poseanalytics.kinematics.synthetic;

/**
 * Clinical angles (degrees) a synthetic body is built from. Sided values are {left, right}. Hip and shoulder
 * angles are planar projections: a segment direction fwd·tan(flexion) + out·tan(abduction) − up has exactly
 * these two projections, so both are exact at once as long as each is under 90°; past 90° only one of the two
 * may be non-zero.
 */
public record BodyPose(double[] hipFlexion, double[] hipAbduction, double[] kneeFlexion, double[] kneeValgus,
                       double[] ankleDorsiflexion, double[] shoulderFlexion, double[] shoulderAbduction,
                       double[] elbowFlexion, double trunkLeanSagittal, double trunkLeanFrontal, double pelvicTiltFrontal) {

    public static BodyPose neutral() {
        return new BodyPose(new double[2], new double[2], new double[2], new double[2], new double[2],
                new double[2], new double[2], new double[2], 0, 0, 0);
    }

    public BodyPose withKnee(double left, double right) {
        return new BodyPose(hipFlexion, hipAbduction, new double[]{left, right}, kneeValgus, ankleDorsiflexion,
                shoulderFlexion, shoulderAbduction, elbowFlexion, trunkLeanSagittal, trunkLeanFrontal, pelvicTiltFrontal);
    }

    public BodyPose withHip(double left, double right) {
        return new BodyPose(new double[]{left, right}, hipAbduction, kneeFlexion, kneeValgus, ankleDorsiflexion,
                shoulderFlexion, shoulderAbduction, elbowFlexion, trunkLeanSagittal, trunkLeanFrontal, pelvicTiltFrontal);
    }

    public BodyPose withValgus(double left, double right) {
        return new BodyPose(hipFlexion, hipAbduction, kneeFlexion, new double[]{left, right}, ankleDorsiflexion,
                shoulderFlexion, shoulderAbduction, elbowFlexion, trunkLeanSagittal, trunkLeanFrontal, pelvicTiltFrontal);
    }

    public BodyPose withShoulderAbduction(double left, double right) {
        return new BodyPose(hipFlexion, hipAbduction, kneeFlexion, kneeValgus, ankleDorsiflexion,
                shoulderFlexion, new double[]{left, right}, elbowFlexion, trunkLeanSagittal, trunkLeanFrontal, pelvicTiltFrontal);
    }

    public BodyPose withShoulderFlexion(double left, double right) {
        return new BodyPose(hipFlexion, hipAbduction, kneeFlexion, kneeValgus, ankleDorsiflexion,
                new double[]{left, right}, shoulderAbduction, elbowFlexion, trunkLeanSagittal, trunkLeanFrontal, pelvicTiltFrontal);
    }

    public BodyPose withTrunkLean(double sagittal) {
        return new BodyPose(hipFlexion, hipAbduction, kneeFlexion, kneeValgus, ankleDorsiflexion,
                shoulderFlexion, shoulderAbduction, elbowFlexion, sagittal, trunkLeanFrontal, pelvicTiltFrontal);
    }
}
