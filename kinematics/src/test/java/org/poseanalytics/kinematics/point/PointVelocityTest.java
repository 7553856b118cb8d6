package org.poseanalytics.kinematics.point;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.rating.Rating;
import org.poseanalytics.kinematics.repetition.Repetition;
import org.poseanalytics.kinematics.scale.Scale;
import org.poseanalytics.kinematics.scale.ScaleSpec;
import org.poseanalytics.tracking.point.PointMotion;
import org.poseanalytics.tracking.point.PointTrajectory;
import org.poseanalytics.tracking.point.PointsCsv;
import org.poseanalytics.tracking.point.TrackedPoint;

/** Bar velocity per repetition on a known path: three lifts getting slower (mean concentric 1.0, 0.8, 0.64 m/s). */
class PointVelocityTest {
    static final double PX_PER_M = 200;
    /** A tracker's jitter on a textured target: a quarter of a pixel (5 mm at 200 px/m would be 1 px). */
    static final double NOISE_PX = 0.25;
    static final Scale SCALE = Scale.of(new ScaleSpec.Line(100, 400, 300, 400, 1.0)); // 200 px = 1 m

    static double value(List<MetricRecord> m, String name, Integer rep) {
        return m.stream().filter(r -> r.name().equals(name) && java.util.Objects.equals(r.repetition(), rep)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " for repetition " + rep + " in " + m)).value();
    }

    @ParameterizedTest
    @CsvSource({"30, 0.03", "10, 0.05"})
    void meanAndPeakConcentricVelocityPerRepetitionAndTheLoss(double fps, double tolerance) {
        BarPath path = BarPath.SLOWING;
        List<MetricRecord> m = PointVelocity.metrics(path.tracked(fps, PX_PER_M, NOISE_PX, 5), SCALE, List.of());
        for (int rep = 1; rep <= 3; rep++) {
            double mcv = value(m, "point_1_mean_concentric_velocity", rep), pcv = value(m, "point_1_peak_concentric_velocity", rep);
            double mev = value(m, "point_1_mean_eccentric_velocity", rep), d = value(m, "point_1_displacement", rep);
            System.out.printf("[measured] bar velocity, synthetic path at %.0f fps, rep %d: mean concentric %.3f m/s (truth %.3f, %+.1f %%), "
                            + "peak %.3f (truth %.3f, %+.1f %%), mean eccentric %.3f (truth %.3f), displacement %.3f m (truth %.3f)%n",
                    fps, rep, mcv, path.meanConcentric(rep), 100 * (mcv / path.meanConcentric(rep) - 1), pcv, path.peakConcentric(rep),
                    100 * (pcv / path.peakConcentric(rep) - 1), mev, path.meanEccentric(), d, path.depthM());
            assertThat(mcv).isCloseTo(path.meanConcentric(rep), within(tolerance * path.meanConcentric(rep)));
            assertThat(pcv).isCloseTo(path.peakConcentric(rep), within(tolerance * path.peakConcentric(rep)));
            assertThat(mev).isCloseTo(path.meanEccentric(), within(tolerance * path.meanEccentric()));
            assertThat(d).isCloseTo(path.depthM(), within(0.01));
        }
        assertThat(m).filteredOn(r -> r.repetition() != null).extracting(MetricRecord::unit).containsOnly("m", "m/s");
        double mean = (path.meanConcentric(1) + path.meanConcentric(2) + path.meanConcentric(3)) / 3;
        assertThat(value(m, "point_1_mean_concentric_velocity", null)).isCloseTo(mean, within(tolerance * mean));
        assertThat(value(m, "point_1_velocity_loss", null)).isCloseTo(path.velocityLoss(), within(100 * tolerance));
        assertThat(m).allMatch(r -> r.quality() == Quality.VALID);
    }

    @Test
    void withoutAScaleTheFiguresStayInPixels() {
        List<MetricRecord> m = PointVelocity.metrics(BarPath.SLOWING.tracked(30, PX_PER_M, 0.5, 5), Scale.none(), List.of());
        assertThat(value(m, "point_1_mean_concentric_velocity", 1)).isCloseTo(PX_PER_M * BarPath.SLOWING.meanConcentric(1), within(6.0));
        assertThat(m).filteredOn(r -> r.name().endsWith("_velocity")).extracting(MetricRecord::unit).containsOnly("px/s");
        assertThat(m).filteredOn(r -> r.name().endsWith("displacement")).extracting(MetricRecord::unit).containsOnly("px");
        assertThat(m).filteredOn(r -> r.name().endsWith("velocity_loss")).extracting(MetricRecord::unit).containsOnly("%");
    }

    @Test
    void aPointLostInMostOfARepetitionMakesItsFiguresInvalid() {
        PointTrajectory full = BarPath.SLOWING.tracked(30, PX_PER_M, 0.5, 5);
        List<TrackedPoint> pts = new ArrayList<>(full.points());
        // Lost through most of the second repetition (2.6–4.9 s).
        for (int i = 0; i < pts.size(); i++) {
            TrackedPoint p = pts.get(i);
            if (p.timeS() > 2.9 && p.timeS() < 4.6) pts.set(i, new TrackedPoint(p.frame(), p.timeS(), Double.NaN, Double.NaN, 0, true));
        }
        // The repetitions the pose found (the first two), as the pipeline passes them.
        List<Repetition> reps = List.of(rep(1, 0.5, 2.6), rep(2, 3.1, 5.4));
        List<MetricRecord> m = PointVelocity.metrics(new PointTrajectory(1, full.spec(), 0, pts), SCALE, reps);
        assertThat(m).filteredOn(r -> r.repetition() != null).extracting(MetricRecord::repetition).containsOnly(1, 2);
        assertThat(m).filteredOn(r -> r.repetition() != null && r.repetition() == 1).allMatch(r -> r.quality() == Quality.VALID);
        List<MetricRecord> second = m.stream().filter(r -> r.repetition() != null && r.repetition() == 2).toList();
        assertThat(second).isNotEmpty().allMatch(r -> r.quality() == Quality.INVALID && r.reason().contains("not tracked"));
    }

    static Repetition rep(int index, double start, double end) {
        return new Repetition(index, start, (start + end) / 2, end, 0, 0, 0, 90, 95, 5, 95, 1, 0.3, 0.8, true, "", "knee_flexion_deg", Rating.VALID);
    }

    @Test
    void pointsCsvGivesTheFilteredPathInMetresWithYUp() {
        PointTrajectory tr = BarPath.SLOWING.tracked(30, PX_PER_M, 0.0, 5);
        StringWriter w = new StringWriter();
        PointsCsv.write(w, List.of(tr), SCALE.metresPerPx());
        List<String> lines = w.toString().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("point_id,frame,time_s,x_px,y_px,confidence,occluded,x_m,y_m,vx_m_per_s,vy_m_per_s,speed_m_per_s");
        // At 1.0 s (halfway down the first lowering) the bar is 0.4 m below its start, moving down at its peak speed π/2 × 0.8 m/s.
        String[] row = lines.get(31).split(",", -1);
        assertThat(Double.parseDouble(row[2])).isEqualTo(1.0);
        assertThat(Double.parseDouble(row[8])).isCloseTo(-0.4, within(0.005));
        assertThat(Double.parseDouble(row[10])).isCloseTo(-Math.PI / 2 * 0.8, within(0.03));
        assertThat(Double.parseDouble(row[11])).isCloseTo(Math.PI / 2 * 0.8, within(0.03));
        // Without a scale the metre columns are empty.
        StringWriter px = new StringWriter();
        PointsCsv.write(px, List.of(tr));
        assertThat(px.toString().lines().skip(1).findFirst().orElseThrow()).endsWith(",,,,,");
        PointMotion motion = PointMotion.of(tr, Double.NaN);
        assertThat(motion.scaled()).isFalse();
    }
}
