package org.poseanalytics.kinematics.angle;

import org.poseanalytics.pose.skeleton.Skeleton;
import org.poseanalytics.tracking.series.KeypointSeries;

/**
 * The landmarks of one sample as y-up vectors, either image-plane (z = 0) or world. {@link #get} answers null
 * for a gap or for a landmark the skeleton does not have (COCO-17 has no heel or foot index).
 */
public final class Landmarks {
    private final KeypointSeries series;
    private final Dimension dimension;
    private int sample;

    public Landmarks(KeypointSeries series, Dimension dimension) {
        if (dimension == Dimension.WORLD_3D && !series.hasWorld())
            throw new IllegalArgumentException("the series has no world landmarks: 3D angles need them");
        this.series = series;
        this.dimension = dimension;
    }

    public Landmarks at(int sample) {
        this.sample = sample;
        return this;
    }

    public Skeleton skeleton() { return series.skeleton(); }

    public Dimension dimension() { return dimension; }

    public Vec3 get(String name) {
        int i = series.skeleton().indexOf(name);
        if (i < 0) return null;
        if (dimension == Dimension.IMAGE_2D) {
            double x = series.x().get(i, sample), y = series.y().get(i, sample);
            return Double.isFinite(x) && Double.isFinite(y) ? Vec3.fromImage(x, y) : null;
        }
        double x = series.worldX().get(i, sample), y = series.worldY().get(i, sample), z = series.worldZ().get(i, sample);
        return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(z) ? Vec3.fromBlazePoseWorld(x, y, z) : null;
    }

    public Vec3 get(Side side, String joint) { return get(side.prefix() + joint); }

    public boolean has(String name) { return series.skeleton().indexOf(name) >= 0; }
}
