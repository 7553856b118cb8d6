package org.poseanalytics.tracking.point;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.poseanalytics.tracking.series.KeypointsCsv;

/**
 * points.csv: {@code point_id,frame,time_s,x_px,y_px,confidence,occluded,x_m,y_m,vx_m_per_s,vy_m_per_s,speed_m_per_s}.
 * The pixel columns are the tracker's own positions (occluded rows have them empty); the metre columns come from the
 * filtered path ({@link PointMotion}: x right, y up, origin at the point's first followed sample, velocity from the
 * real timestamps) and are empty without a scale or where the path has a gap.
 */
public final class PointsCsv {
    public static final String HEADER = "point_id,frame,time_s,x_px,y_px,confidence,occluded,x_m,y_m,vx_m_per_s,vy_m_per_s,speed_m_per_s";

    private PointsCsv() {}

    /** Without a scale: the metre columns are empty. */
    public static void write(Writer out, List<PointTrajectory> trajectories) { write(out, trajectories, Double.NaN); }

    /** {@code metresPerPx}: the analysis' scale, NaN when none is known. */
    public static void write(Writer out, List<PointTrajectory> trajectories, double metresPerPx) {
        try {
            out.write(HEADER);
            out.write('\n');
            for (PointTrajectory tr : trajectories) {
                PointMotion m = PointMotion.of(tr, metresPerPx);
                for (int i = 0; i < tr.points().size(); i++) {
                    TrackedPoint p = tr.points().get(i);
                    boolean metres = m.scaled() && !m.gap()[i];
                    out.write(tr.pointId() + "," + p.frame() + "," + KeypointsCsv.num(p.timeS(), 6) + ","
                            + KeypointsCsv.num(p.xPx(), 3) + "," + KeypointsCsv.num(p.yPx(), 3) + ","
                            + KeypointsCsv.num(p.confidence(), 3) + "," + (p.occluded() ? 1 : 0) + ","
                            + (metres ? KeypointsCsv.num(m.xM(i), 4) : "") + "," + (metres ? KeypointsCsv.num(m.yM(i), 4) : "") + ","
                            + (metres ? KeypointsCsv.num(m.vxMPerS(i), 4) : "") + "," + (metres ? KeypointsCsv.num(m.vyMPerS(i), 4) : "") + ","
                            + (metres ? KeypointsCsv.num(m.speedMPerS(i), 4) : "") + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write points.csv", e);
        }
    }
}
