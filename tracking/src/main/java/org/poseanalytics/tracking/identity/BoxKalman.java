package org.poseanalytics.tracking.identity;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.poseanalytics.pose.BoundingBox;

/**
 * Constant-velocity Kalman filter on a person's box: state (cx, cy, w, h) and their rates in px/s, measured
 * as (cx, cy, w, h). Written here rather than with Commons Math's KalmanFilter because that class fixes the
 * transition matrix at construction and phone videos need a new time step every frame. Noise scales with
 * the box height (as in SORT/ByteTrack) so near and far people are treated alike.
 */
final class BoxKalman {
    private static final double REF_DT = 1.0 / 30;
    private static final double POS_STD = 0.05;
    private static final double VEL_STD = 0.0125 / REF_DT;
    private static final double MEAS_STD = 0.05;

    private RealVector x;
    private RealMatrix p;
    private double timeS;

    BoxKalman(BoundingBox box, double timeS) {
        x = new ArrayRealVector(new double[]{box.centerX(), box.centerY(), box.width(), box.height(), 0, 0, 0, 0});
        double h = Math.max(box.height(), 1);
        double[] var = new double[8];
        for (int i = 0; i < 4; i++) {
            var[i] = sq(2 * POS_STD * h);
            var[i + 4] = sq(10 * VEL_STD * h);
        }
        p = MatrixUtils.createRealDiagonalMatrix(var);
        this.timeS = timeS;
    }

    /** The box expected at a time, without changing the state. */
    BoundingBox predictAt(double t) {
        double dt = Math.max(0, t - timeS);
        return toBox(transition(dt).operate(x));
    }

    /** Advances the state to time t. */
    void predict(double t) {
        double dt = t - timeS;
        if (dt <= 0) return;
        RealMatrix f = transition(dt);
        double h = Math.max(x.getEntry(3), 1);
        double scale = dt / REF_DT;
        double[] q = new double[8];
        for (int i = 0; i < 4; i++) {
            q[i] = sq(POS_STD * h) * scale;
            q[i + 4] = sq(VEL_STD * h) * scale;
        }
        x = f.operate(x);
        p = f.multiply(p).multiply(f.transpose()).add(MatrixUtils.createRealDiagonalMatrix(q));
        timeS = t;
    }

    /** Folds in a measured box at the current time (call {@link #predict} first). */
    void update(BoundingBox box) {
        RealMatrix hm = new Array2DRowRealMatrix(4, 8);
        for (int i = 0; i < 4; i++) hm.setEntry(i, i, 1);
        double h = Math.max(box.height(), 1);
        RealMatrix r = MatrixUtils.createRealDiagonalMatrix(new double[]{sq(MEAS_STD * h), sq(MEAS_STD * h), sq(MEAS_STD * h), sq(MEAS_STD * h)});
        RealVector z = new ArrayRealVector(new double[]{box.centerX(), box.centerY(), box.width(), box.height()});
        RealVector innovation = z.subtract(hm.operate(x));
        RealMatrix s = hm.multiply(p).multiply(hm.transpose()).add(r);
        RealMatrix k = p.multiply(hm.transpose()).multiply(new LUDecomposition(s).getSolver().getInverse());
        x = x.add(k.operate(innovation));
        p = MatrixUtils.createRealIdentityMatrix(8).subtract(k.multiply(hm)).multiply(p);
    }

    BoundingBox box() { return toBox(x); }

    private static RealMatrix transition(double dt) {
        RealMatrix f = MatrixUtils.createRealIdentityMatrix(8);
        for (int i = 0; i < 4; i++) f.setEntry(i, i + 4, dt);
        return f;
    }

    private static BoundingBox toBox(RealVector s) {
        double w = Math.max(1, s.getEntry(2));
        double h = Math.max(1, s.getEntry(3));
        return new BoundingBox(s.getEntry(0) - w / 2, s.getEntry(1) - h / 2, w, h);
    }

    private static double sq(double v) { return v * v; }
}
