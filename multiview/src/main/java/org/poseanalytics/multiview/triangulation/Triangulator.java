package org.poseanalytics.multiview.triangulation;

import java.util.List;
import org.poseanalytics.multiview.calibration.Calibration;
import org.poseanalytics.multiview.calibration.Camera;
import org.poseanalytics.tracking.series.KeypointSeries;

/** Every keypoint of every sample of one person seen in synchronised views (one series per camera, same timeline). */
public final class Triangulator {
    private final Calibration calibration;
    private final TriangulationConfig config;

    public Triangulator(Calibration calibration, TriangulationConfig config) {
        this.calibration = calibration;
        this.config = config;
    }

    public Triangulated triangulate(List<KeypointSeries> views) {
        if (views.size() != calibration.size())
            throw new IllegalArgumentException(views.size() + " views for " + calibration.size() + " calibrated cameras");
        KeypointSeries ref = views.getFirst();
        for (KeypointSeries v : views) {
            if (v.skeleton() != ref.skeleton()) throw new IllegalArgumentException("all views must use one skeleton; got " + v.skeleton() + " and " + ref.skeleton());
            if (v.length() != ref.length()) throw new IllegalArgumentException("views must share one timeline (resample them first)");
        }
        int k = ref.skeleton().size(), n = ref.length(), m = views.size();
        PointTriangulator pt = new PointTriangulator(calibration.cameras().toArray(Camera[]::new), config);
        double[][] x = new double[k][n], y = new double[k][n], z = new double[k][n], err = new double[k][n], conf = new double[k][n];
        int[][] mask = new int[k][n];
        double[] u = new double[m], v = new double[m], c = new double[m];
        for (int l = 0; l < k; l++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    KeypointSeries s = views.get(j);
                    u[j] = s.x().get(l, i);
                    v[j] = s.y().get(l, i);
                    c[j] = s.visibility().get(l, i);
                }
                PointTriangulator.Point p = pt.triangulate(u, v, c);
                x[l][i] = p.xyz()[0];
                y[l][i] = p.xyz()[1];
                z[l][i] = p.xyz()[2];
                err[l][i] = p.errorPx();
                mask[l][i] = p.viewMask();
                conf[l][i] = p.confidence();
            }
        }
        return new Triangulated(ref.skeleton(), ref.frames().clone(), ref.timesS().clone(), x, y, z, err, mask, conf);
    }
}
