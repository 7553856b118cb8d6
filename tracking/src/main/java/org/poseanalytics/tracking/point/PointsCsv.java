package org.poseanalytics.tracking.point;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.poseanalytics.tracking.series.KeypointsCsv;

/** points.csv: {@code point_id,frame,time_s,x_px,y_px,confidence,occluded}; occluded rows have empty x and y. */
public final class PointsCsv {
    public static final String HEADER = "point_id,frame,time_s,x_px,y_px,confidence,occluded";

    private PointsCsv() {}

    public static void write(Writer out, List<PointTrajectory> trajectories) {
        try {
            out.write(HEADER);
            out.write('\n');
            for (PointTrajectory tr : trajectories) {
                for (TrackedPoint p : tr.points()) {
                    out.write(tr.pointId() + "," + p.frame() + "," + KeypointsCsv.num(p.timeS(), 6) + ","
                            + KeypointsCsv.num(p.xPx(), 3) + "," + KeypointsCsv.num(p.yPx(), 3) + ","
                            + KeypointsCsv.num(p.confidence(), 3) + "," + (p.occluded() ? 1 : 0) + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write points.csv", e);
        }
    }
}
