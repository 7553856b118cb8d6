package org.poseanalytics.web.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.poseanalytics.kinematics.angle.AngleSeries;
import org.poseanalytics.kinematics.angle.AngleTable;
import org.poseanalytics.kinematics.angle.Dimension;
import org.poseanalytics.kinematics.angle.JointAngle;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.angle.ViewSigns;
import org.poseanalytics.kinematics.metric.Headline;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.pose.skeleton.Skeleton;

/**
 * The angles the analysis page and the report show first: the repetitions' angle and its other side, unless it was
 * measured in no frame (knee flexion filmed from the front), when the chart would be empty while other angles hold
 * measurements.
 */
class DefaultAnglesTest {
    private static final int N = 90;

    @Test
    void theRepetitionsAngleAndItsOtherSide() {
        VideoAnalysis a = analysis(flexion(Side.LEFT, true), flexion(Side.RIGHT, true), valgus(Side.LEFT, true), valgus(Side.RIGHT, true));
        assertThat(a.defaultAngleColumns()).containsExactly(flexion(Side.LEFT, true).column(), flexion(Side.RIGHT, true).column());
    }

    @Test
    void filmedFromTheFront_theFirstMeasuredAngleInstead() {
        // the front view: knee flexion unmeasurable in every frame, the knee's frontal projection angle measured
        VideoAnalysis a = analysis(flexion(Side.LEFT, false), flexion(Side.RIGHT, false), valgus(Side.LEFT, true), valgus(Side.RIGHT, true));
        assertThat(a.defaultAngleColumns()).containsExactly(valgus(Side.LEFT, true).column(), valgus(Side.RIGHT, true).column());
    }

    @Test
    void filmedFromTheFront_theLeadFiguresAngleBeforeTheTablesFirst() {
        // hip abduction comes first in the table, but the squat's lead figures name knee valgus
        AngleSeries hipLeft = series(JointAngle.HIP_ABDUCTION, Side.LEFT, true);
        MetricRecord valgusPeak = new MetricRecord("knee_valgus_fppa_peak_mean", 11, "deg", Side.LEFT, null, Quality.VALID, "");
        VideoAnalysis a = analysis(List.of(new Headline(1, "Peak knee valgus", "largest knee frontal-plane projection angle", valgusPeak)),
                flexion(Side.LEFT, false), hipLeft, valgus(Side.LEFT, true), valgus(Side.RIGHT, true));
        assertThat(a.defaultAngleColumns()).containsExactly(valgus(Side.LEFT, true).column(), valgus(Side.RIGHT, true).column());
        // without lead figures: the table's first measured angle
        assertThat(analysis(flexion(Side.LEFT, false), hipLeft, valgus(Side.LEFT, true)).defaultAngleColumns())
                .containsExactly(hipLeft.column());
    }

    @Test
    void anOtherSideMeasuredNowhereIsLeftOut() {
        VideoAnalysis a = analysis(flexion(Side.LEFT, true), flexion(Side.RIGHT, false), valgus(Side.LEFT, true));
        assertThat(a.defaultAngleColumns()).containsExactly(flexion(Side.LEFT, true).column());
    }

    @Test
    void nothingMeasured_theRepetitionsAngleWhoseChartSaysSo() {
        VideoAnalysis a = analysis(flexion(Side.LEFT, false), flexion(Side.RIGHT, false));
        assertThat(a.defaultAngleColumns()).containsExactly(flexion(Side.LEFT, false).column());
        assertThat(a.curve(a.defaultAngleColumns().getFirst()).measured()).isFalse();
    }

    private static AngleSeries flexion(Side side, boolean measured) { return series(JointAngle.KNEE_FLEXION, side, measured); }

    private static AngleSeries valgus(Side side, boolean measured) { return series(JointAngle.KNEE_VALGUS, side, measured); }

    private static AngleSeries series(JointAngle angle, Side side, boolean measured) {
        double[] v = IntStream.range(0, N).mapToDouble(i -> measured ? 40 + 30 * Math.sin(i / 9.0) : Double.NaN).toArray();
        double[] w = new double[N];
        Arrays.fill(w, measured ? 0 : Double.NaN);
        return new AngleSeries(angle, side, Dimension.IMAGE_2D, v, w);
    }

    private static VideoAnalysis analysis(AngleSeries... columns) { return analysis(List.of(), columns); }

    private static VideoAnalysis analysis(List<Headline> headlines, AngleSeries... columns) {
        long[] frames = IntStream.range(0, N).asLongStream().toArray();
        double[] times = IntStream.range(0, N).mapToDouble(i -> i / 30.0).toArray();
        AngleTable table = new AngleTable(frames, times, List.of(columns), new ViewSigns(-1, 1));
        String signal = flexion(Side.LEFT, true).column();
        Analysis analysis = new Analysis(1, 1, "blazepose-full", "1", "squat", false, signal, Skeleton.BLAZEPOSE_33, List.of(), 1,
                false, "none", N, N, null, 0, null, null, null, null, null, List.of());
        return new VideoAnalysis(null, null, analysis, table, null, List.of(), List.of(), headlines, null);
    }
}
