package org.poseanalytics.kinematics.angle;

import java.util.List;
import java.util.Optional;

/** Every angle of one subject over the same samples: one row per frame, one series per column. */
public record AngleTable(long[] frames, double[] timesS, List<AngleSeries> series, ViewSigns viewSigns) {

    public AngleTable {
        series = List.copyOf(series);
        for (AngleSeries s : series)
            if (s.length() != frames.length) throw new IllegalArgumentException(s.column() + " has a different length than the frames");
    }

    public int length() { return frames.length; }

    public Optional<AngleSeries> find(JointAngle angle, Side side, Dimension dimension) {
        return series.stream().filter(s -> s.angle() == angle && s.side() == side && s.dimension() == dimension).findFirst();
    }

    public Optional<AngleSeries> find(String column) {
        return series.stream().filter(s -> s.column().equals(column)).findFirst();
    }

    public boolean has3d() { return series.stream().anyMatch(s -> s.dimension() == Dimension.WORLD_3D); }
}
