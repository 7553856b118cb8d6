package org.poseanalytics.web.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What a long curve sends to the browser: its envelope, with every peak, trough and gap where it was. */
class CurveTest {
    @Test
    void anHoursCurveKeepsItsExtremesAndGapsInFewPoints() {
        int n = 108_000; // an hour at 30 fps
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i / 30.0;
            y[i] = 90 + 40 * Math.sin(i / 40.0) + 0.3 * Math.sin(i * 1.7); // repetitions, with jitter
        }
        y[54_321] = 171.25; // one deep repetition
        y[77_777] = -12.5; // one odd trough
        for (int i = 90_000; i < 90_010; i++) y[i] = Double.NaN; // a third of a second unmeasurable
        y[100_001] = Double.NaN; // one frame
        Curve c = new Curve("left knee", x, y);
        Curve e = c.envelope(4_000);

        assertThat(e.x().length).isLessThanOrEqualTo(4_000 + 2 * 2); // two runs hold a gap: one point more each
        assertThat(e.x().length).isGreaterThan(3_000);
        Map<Double, Double> original = new HashMap<>();
        for (int i = 0; i < n; i++) original.put(x[i], y[i]);
        for (int k = 0; k < e.x().length; k++) {
            if (k > 0) assertThat(e.x()[k]).isGreaterThan(e.x()[k - 1]);
            assertThat(original.get(e.x()[k])).as("point %d is a sample of the curve", k).isEqualTo(Double.valueOf(e.y()[k]));
        }
        assertThat(max(e.y())).isEqualTo(171.25);
        assertThat(min(e.y())).isEqualTo(-12.5);
        // both gaps are still breaks in the line, at their own time
        assertThat(gapTimes(e)).containsExactly(90_000 / 30.0, 100_001 / 30.0);
        // every run of the hour reaches its own highest and lowest value: the drawn envelope is the curve's
        for (int r = 0; r < 2_000; r++) {
            int from = r * n / 2_000, to = (r + 1) * n / 2_000;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) if (Double.isFinite(y[i])) hi = Math.max(hi, y[i]);
            double tFrom = x[from], tTo = x[to - 1];
            double shown = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < e.x().length; k++) if (e.x()[k] >= tFrom && e.x()[k] <= tTo && Double.isFinite(e.y()[k])) shown = Math.max(shown, e.y()[k]);
            assertThat(shown).isEqualTo(hi);
        }
    }

    @Test
    void aShortCurveIsSentAsItIs() {
        Curve c = new Curve("a", new double[] {0, 1, 2}, new double[] {1, Double.NaN, 3});
        assertThat(c.envelope(4_000)).isSameAs(c);
    }

    @Test
    void theChartOfAnHourSendsTheEnvelope() {
        int n = 108_000;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i / 30.0;
            y[i] = 90 + 40 * Math.sin(i / 40.0);
        }
        y[12_345] = 150;
        String json = ChartOptions.timeChart(java.util.List.of(new Curve("knee", x, y)), java.util.List.of(), "angle (°)", "time (s)");
        JsonNode data = ChartOptions.JSON.readTree(json).get("series").get(0).get("data");
        assertThat(data.size()).isLessThanOrEqualTo(ChartOptions.MAX_POINTS);
        double peak = Double.NEGATIVE_INFINITY;
        for (JsonNode p : data) peak = Math.max(peak, p.get(1).asDouble());
        assertThat(peak).isEqualTo(150.0);
        assertThat(json.length()).isLessThan(150_000); // 108,000 points would be ~2 MB
    }

    @Test
    void lowQualitySamplesAreMarkedBehindTheirCurveAndKeptThroughTheEnvelope() {
        double[] x = new double[10], y = new double[10];
        for (int i = 0; i < 10; i++) { x[i] = i; y[i] = 10 * i; }
        y[7] = Double.NaN; // no measurement
        java.util.BitSet low = new java.util.BitSet();
        low.set(3, 5); // samples 3 and 4 of low quality
        Curve measured = new Curve("hip", x, y.clone()), rated = new Curve("knee (3D)", x, y, low);
        JsonNode series = ChartOptions.JSON.readTree(ChartOptions.timeChart(java.util.List.of(measured, rated), java.util.List.of(),
                "angle (°)", "time (s)")).get("series");
        // The curves keep their positions; one band follows, for the rated curve only, in its colour.
        assertThat(series.size()).isEqualTo(3);
        assertThat(series.get(0).get("name").asString()).isEqualTo("hip");
        JsonNode band = series.get(2);
        assertThat(band.get("id").asString()).isEqualTo("low:knee (3D)");
        assertThat(band.get("name").asString()).isEqualTo("knee (3D) — low quality");
        assertThat(band.get("color").asString()).isEqualTo(series.get(1).get("color").asString());
        // The low samples, joined to their measured neighbours (2 and 5); nothing elsewhere.
        for (int k = 0; k < 10; k++) {
            JsonNode v = band.get("data").get(k).get(1);
            if (k >= 2 && k <= 5) assertThat(v.asDouble()).as("band at %d", k).isEqualTo(10.0 * k);
            else assertThat(v.isNull()).as("band at %d", k).isTrue();
        }
        // The band is not a legend entry of its own.
        JsonNode legend = ChartOptions.JSON.readTree(ChartOptions.timeChart(java.util.List.of(measured, rated), java.util.List.of(),
                "angle (°)", "time (s)")).get("legend").get("data");
        assertThat(legend.size()).isEqualTo(2);
        // Marks follow the samples an hour's envelope keeps.
        int n = 108_000;
        double[] hx = new double[n], hy = new double[n];
        java.util.BitSet hl = new java.util.BitSet();
        for (int i = 0; i < n; i++) { hx[i] = i / 30.0; hy[i] = 90 + 40 * Math.sin(i / 40.0); }
        hl.set(50_000, 51_000);
        Curve e = new Curve("knee", hx, hy, hl).envelope(4_000);
        int marked = 0;
        for (int k = 0; k < e.x().length; k++) {
            boolean inside = e.x()[k] >= 50_000 / 30.0 && e.x()[k] <= 50_999 / 30.0;
            assertThat(e.low().get(k)).as("envelope point at %.2f s", e.x()[k]).isEqualTo(inside);
            if (inside) marked++;
        }
        assertThat(marked).isPositive();
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double d : v) if (Double.isFinite(d)) m = Math.max(m, d);
        return m;
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) if (Double.isFinite(d)) m = Math.min(m, d);
        return m;
    }

    private static java.util.List<Double> gapTimes(Curve e) {
        java.util.List<Double> out = new java.util.ArrayList<>();
        for (int k = 0; k < e.x().length; k++) if (!Double.isFinite(e.y()[k])) out.add(e.x()[k]);
        return out;
    }
}
