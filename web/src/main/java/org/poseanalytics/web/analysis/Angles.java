package org.poseanalytics.web.analysis;

import java.util.List;
import java.util.Optional;

/** The subject's angle time series: one sample axis (frame numbers, stream times in seconds), many columns. */
public record Angles(long[] frames, double[] timesS, List<AngleColumn> columns) {

    public Angles {
        columns = List.copyOf(columns);
        if (frames.length != timesS.length) throw new IllegalArgumentException("frames and times differ in length");
        for (AngleColumn c : columns)
            if (c.valuesDeg().length != frames.length) throw new IllegalArgumentException(c.column() + " has a different length than the frames");
    }

    public int length() { return frames.length; }

    public Optional<AngleColumn> column(String name) {
        return columns.stream().filter(c -> c.column().equals(name)).findFirst();
    }

    public static Angles empty() { return new Angles(new long[0], new double[0], List.of()); }
}
