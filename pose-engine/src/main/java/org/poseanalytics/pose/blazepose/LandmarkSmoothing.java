package org.poseanalytics.pose.blazepose;

/**
 * Stage 4, "smoothing": MediaPipe's video-mode filters over the landmark model's output, in frame pixels. Body
 * landmarks: One Euro (min cutoff 0.05, beta 80), value scale 1 / object size where the object size is twice the
 * distance of the unfiltered auxiliary points 33 → 34. Auxiliary points, which steer the next ROI: One Euro
 * (0.01, 10). World points: One Euro (0.1, 40), unscaled. Visibility: low-pass, alpha 0.1. Matching MediaPipe's
 * reference needs these exactly (without them the squat fixture is ~3 px worse on average).
 */
final class LandmarkSmoothing {
    private static final double MIN_OBJECT_SCALE = 1e-6;
    private static final double VISIBILITY_ALPHA = 0.1;

    private OneEuroFilter[] body;
    private OneEuroFilter[] aux;
    private OneEuroFilter[] world;
    private OneEuroFilter.LowPass[] visibility;

    LandmarkSmoothing() { reset(); }

    /** Forget the past: a new person or a lost track starts unfiltered. */
    void reset() {
        body = filters(Landmarks.BODY * 3, 0.05, 80, 1.0);
        aux = filters((Landmarks.ALL - Landmarks.BODY) * 3, 0.01, 10, 1.0);
        world = filters(Landmarks.BODY * 3, 0.1, 40, 1.0);
        visibility = new OneEuroFilter.LowPass[Landmarks.ALL];
        for (int i = 0; i < visibility.length; i++) visibility[i] = new OneEuroFilter.LowPass();
    }

    Landmarks apply(Landmarks raw, double timeS) {
        double objectScale = 2 * Math.hypot(raw.x()[Landmarks.AUX_SCALE] - raw.x()[Landmarks.AUX_CENTRE],
                raw.y()[Landmarks.AUX_SCALE] - raw.y()[Landmarks.AUX_CENTRE]);
        if (objectScale < MIN_OBJECT_SCALE) return raw;
        double scale = 1 / objectScale;
        int n = Landmarks.ALL;
        double[] x = new double[n], y = new double[n], z = new double[n], vis = new double[n];
        for (int i = 0; i < n; i++) {
            OneEuroFilter[] f = i < Landmarks.BODY ? body : aux;
            int k = 3 * (i < Landmarks.BODY ? i : i - Landmarks.BODY);
            x[i] = f[k].apply(raw.x()[i], timeS, scale);
            y[i] = f[k + 1].apply(raw.y()[i], timeS, scale);
            z[i] = f[k + 2].apply(raw.z()[i], timeS, scale);
            vis[i] = visibility[i].apply(raw.visibility()[i], VISIBILITY_ALPHA);
        }
        double[] w = raw.world().clone();
        for (int i = 0; i < Landmarks.BODY * 3; i++) w[i] = world[i].apply(w[i], timeS, 1);
        return new Landmarks(raw.score(), x, y, z, vis, raw.presence(), w, raw.roi());
    }

    private static OneEuroFilter[] filters(int count, double minCutoff, double beta, double derivativeCutoff) {
        OneEuroFilter[] f = new OneEuroFilter[count];
        for (int i = 0; i < count; i++) f[i] = new OneEuroFilter(minCutoff, beta, derivativeCutoff);
        return f;
    }
}
