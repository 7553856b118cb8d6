package org.poseanalytics.pose.blazepose;

import java.util.ArrayList;
import java.util.List;

/**
 * Overlapping square tiles of a frame for looking for people who are small in it. The detector letterboxes the
 * whole frame into 224×224, so a person under ~40 % of a landscape frame's height is ~50 px there and is missed;
 * in a tile whose side is {@code sideFraction} of the frame's short side the same person is
 * {@code 1 / (sideFraction · longSide / shortSide)} times larger. Neighbouring tiles overlap by at least
 * {@code minOverlap} of their side, so a person up to that size lies wholly inside some tile. Tiles are spread
 * evenly from edge to edge, stay inside the frame and are unrotated.
 */
record DetectionTiles(double sideFraction, double minOverlap) {
    DetectionTiles {
        if (!(sideFraction > 0 && sideFraction <= 1)) throw new IllegalArgumentException("tile side fraction must be in (0, 1], was " + sideFraction);
        if (!(minOverlap >= 0 && minOverlap < 1)) throw new IllegalArgumentException("tile overlap must be in [0, 1), was " + minOverlap);
    }

    /** The tiles over a {@code width}×{@code height} frame, row by row. */
    List<Roi> cover(int width, int height) {
        double side = sideFraction * Math.min(width, height);
        List<Roi> tiles = new ArrayList<>();
        for (double cy : centres(height, side)) {
            for (double cx : centres(width, side)) tiles.add(new Roi(cx, cy, side, 0));
        }
        return tiles;
    }

    /** Tile centres along one axis of length {@code extent}: the fewest that keep the overlap, evenly spread. */
    private double[] centres(int extent, double side) {
        if (extent <= side) return new double[]{extent / 2.0};
        double maxStep = side * (1 - minOverlap);
        int n = (int) Math.ceil((extent - side) / maxStep - 1e-9) + 1;
        double step = (extent - side) / (n - 1);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = side / 2 + i * step;
        return out;
    }
}
