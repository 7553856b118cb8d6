package org.poseanalytics.web.chart;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ECharts options for the charts of the app, built as JSON trees (the option format is ECharts' own, so a tree
 * is its natural shape). Colours are fixed per position so the same angle has the same colour everywhere.
 */
public final class ChartOptions {
    static final JsonMapper JSON = JsonMapper.builder().build();
    public static final List<String> PALETTE = List.of("#1c7ed6", "#e8590c", "#2f9e44", "#9c36b5", "#f08c00", "#0c8599");
    /** The most points a curve sends to the browser ({@link Curve#envelope}): more than a chart's width in pixels. */
    static final int MAX_POINTS = 4_000;

    private ChartOptions() {}

    /** Angles (or any value) over time, with shaded bands (repetitions) and a tooltip per time. */
    public static String timeChart(List<Curve> curves, List<Band> bands, String yName, String xName) {
        return timeChart(curves, bands, List.of(), yName, xName);
    }

    /**
     * The same with markers: a dashed vertical line at each moment (corrected frames, notes) and a faint band over each
     * span, on an invisible series of their own so they show with no angle chosen and do not enter the legend.
     */
    public static String timeChart(List<Curve> curves, List<Band> bands, List<Marker> markers, String yName, String xName) {
        ObjectNode o = (ObjectNode) JSON.readTree(bandChart(curves, bands, yName, xName));
        if (markers.isEmpty()) return o.toString();
        ObjectNode s = ((ArrayNode) o.get("series")).addObject().put("name", "markers").put("type", "line").put("silent", false)
                .put("animation", false);
        s.putArray("data");
        ObjectNode lines = s.putObject("markLine").put("symbol", "none").put("silent", false).put("animation", false);
        ArrayNode ld = lines.putArray("data");
        ObjectNode area = s.putObject("markArea").put("silent", true);
        ArrayNode ad = area.putArray("data");
        for (Marker m : markers) {
            ObjectNode line = ld.addObject().put("name", m.label()).put("xAxis", round(m.at(), 3));
            line.putObject("lineStyle").put("color", m.color()).put("type", "dashed").put("width", 1.5);
            line.putObject("label").put("formatter", m.label()).put("color", m.color()).put("position", "insideEndTop");
            if (m.span()) {
                ArrayNode pair = ad.addArray();
                pair.addObject().put("xAxis", round(m.from(), 3)).putObject("itemStyle").put("color", m.color()).put("opacity", 0.12);
                pair.addObject().put("xAxis", round(m.to(), 3));
            }
        }
        ObjectNode legend = (ObjectNode) o.get("legend");
        ArrayNode names = legend.putArray("data");
        for (Curve c : curves) names.add(c.name());
        return o.toString();
    }

    private static String bandChart(List<Curve> curves, List<Band> bands, String yName, String xName) {
        ObjectNode o = base();
        o.putObject("tooltip").put("trigger", "axis");
        o.putObject("legend").put("top", 0).put("type", "scroll");
        o.putObject("grid").put("left", 56).put("right", 24).put("top", 40).put("bottom", 48);
        ObjectNode x = o.putObject("xAxis").put("type", "value").put("name", xName).put("nameLocation", "middle").put("nameGap", 28);
        x.put("min", "dataMin").put("max", "dataMax");
        o.putObject("yAxis").put("type", "value").put("name", yName).put("scale", true);
        ArrayNode series = o.putArray("series");
        Curve[] drawn = new Curve[curves.size()];
        for (int i = 0; i < curves.size(); i++) {
            Curve c = drawn[i] = curves.get(i).envelope(MAX_POINTS);
            ObjectNode s = series.addObject().put("name", c.name()).put("type", "line").put("showSymbol", false)
                    .put("connectNulls", false).put("animation", false);
            s.putObject("lineStyle").put("width", 2);
            s.put("color", PALETTE.get(i % PALETTE.size()));
            ArrayNode data = s.putArray("data");
            for (int k = 0; k < c.x().length; k++) {
                point(data, c.x()[k], c.y()[k]);
            }
            if (i == 0 && !bands.isEmpty()) {
                ObjectNode area = s.putObject("markArea").put("silent", true);
                area.putObject("itemStyle").put("color", "rgba(28,126,214,0.10)");
                area.putObject("label").put("position", "insideTop").put("color", "#495057");
                ArrayNode d = area.putArray("data");
                for (Band b : bands) {
                    ArrayNode pair = d.addArray();
                    pair.addObject().put("name", b.label()).put("xAxis", round(b.from(), 3));
                    pair.addObject().put("xAxis", round(b.to(), 3));
                }
            }
        }
        // After every curve, so a curve's series index stays its position in the list.
        boolean anyLow = false;
        for (int i = 0; i < drawn.length; i++) {
            if (!drawn[i].anyLow()) continue;
            lowQuality(series, drawn[i], PALETTE.get(i % PALETTE.size()));
            anyLow = true;
        }
        if (anyLow) {
            ArrayNode names = ((ObjectNode) o.get("legend")).putArray("data");
            for (Curve c : curves) names.add(c.name());
        }
        return o.toString();
    }

    /** What a low-quality stretch of a curve is called in the tooltip. */
    static final String LOW_SUFFIX = " — low quality";

    /**
     * A wide pale band in the curve's colour behind its low-quality samples (id {@code low:} and the curve's name, out of
     * the legend), joined to the measured neighbours so a short stretch shows; the tooltip names it "… — low quality".
     */
    private static void lowQuality(ArrayNode series, Curve c, String color) {
        ObjectNode s = series.addObject().put("id", "low:" + c.name()).put("name", c.name() + LOW_SUFFIX).put("type", "line")
                .put("showSymbol", false).put("connectNulls", false).put("animation", false).put("silent", true).put("z", 1);
        s.putObject("lineStyle").put("width", 9).put("opacity", 0.22).put("cap", "round");
        s.put("color", color);
        ArrayNode data = s.putArray("data");
        int n = c.x().length;
        for (int k = 0; k < n; k++) {
            boolean near = c.low().get(k) || (k > 0 && c.low().get(k - 1)) || (k + 1 < n && c.low().get(k + 1));
            point(data, c.x()[k], near ? c.y()[k] : Double.NaN);
        }
    }

    /** One [x, y] point of a line, rounded as sent; a NaN y is null, a break in the line. */
    private static void point(ArrayNode data, double x, double y) {
        ArrayNode p = data.addArray().add(round(x, 3));
        if (Double.isFinite(y)) p.add(round(y, 2)); else p.addNull();
    }

    /** Two quantities over time on their own y axes (left and right), e.g. a point's height and its speed. */
    public static String dualAxisTimeChart(Curve left, String leftName, Curve right, String rightName) {
        return dualAxisTimeChart(List.of(left), leftName, List.of(right), rightName, List.of(PALETTE.get(5)), List.of(PALETTE.get(1)));
    }

    /**
     * Several curves on each of two y axes: left ones solid, right ones dashed, each in its colour (e.g. the height and
     * speed of every tracked point, one colour per point, as drawn on the video).
     */
    public static String dualAxisTimeChart(List<Curve> left, String leftName, List<Curve> right, String rightName,
                                           List<String> leftColors, List<String> rightColors) {
        ObjectNode o = base();
        o.putObject("tooltip").put("trigger", "axis");
        o.putObject("legend").put("top", 0);
        o.putObject("grid").put("left", 64).put("right", 64).put("top", 40 + 20 * ((left.size() + right.size() - 1) / 4)).put("bottom", 48);
        o.putObject("xAxis").put("type", "value").put("name", "time (s)").put("nameLocation", "middle").put("nameGap", 28)
                .put("min", "dataMin").put("max", "dataMax");
        ArrayNode y = o.putArray("yAxis");
        y.addObject().put("type", "value").put("name", leftName).put("scale", true);
        y.addObject().put("type", "value").put("name", rightName).put("scale", true).putObject("splitLine").put("show", false);
        ArrayNode series = o.putArray("series");
        for (int axis = 0; axis < 2; axis++) {
            List<Curve> curves = axis == 0 ? left : right;
            List<String> colors = axis == 0 ? leftColors : rightColors;
            for (int i = 0; i < curves.size(); i++) {
                Curve c = curves.get(i).envelope(MAX_POINTS);
                ObjectNode s = series.addObject().put("name", c.name()).put("type", "line").put("showSymbol", false)
                        .put("yAxisIndex", axis).put("animation", false).put("color", colors.get(i % colors.size()));
                if (axis == 1 && !left.isEmpty()) s.putObject("lineStyle").put("type", "dashed");
                ArrayNode data = s.putArray("data");
                for (int k = 0; k < c.x().length; k++) {
                    point(data, c.x()[k], c.y()[k]);
                }
            }
        }
        return o.toString();
    }

    /** An empty chart that says what will appear in it. */
    public static String placeholder(String text) {
        ObjectNode o = base();
        ObjectNode t = o.putObject("title").put("text", text).put("left", "center").put("top", "middle");
        t.putObject("textStyle").put("fontSize", 13).put("fontWeight", "normal").put("color", "#868e96");
        return o.toString();
    }

    /** One metric across sessions by date, each point labelled with its value. */
    public static String trendChart(String metricName, String unit, List<TrendPoint> points) {
        ObjectNode o = base();
        o.putObject("tooltip").put("trigger", "axis");
        o.putObject("grid").put("left", 56).put("right", 24).put("top", 30).put("bottom", 40);
        ObjectNode x = o.putObject("xAxis").put("type", "time");
        x.putObject("axisLabel").put("formatter", "{d} {MMM} {yyyy}").put("hideOverlap", true);
        o.putObject("yAxis").put("type", "value").put("name", unit).put("scale", true);
        ObjectNode s = o.putArray("series").addObject().put("name", metricName).put("type", "line")
                .put("symbolSize", 10).put("color", PALETTE.get(0)).put("animation", false);
        s.putObject("label").put("show", true).put("position", "top").put("formatter", "{@[1]}");
        ArrayNode data = s.putArray("data");
        // A left-out value is null: ECharts breaks the line there (connectNulls is off) instead of bridging the gap.
        for (TrendPoint p : points) {
            if (!Double.isFinite(p.value())) {
                data.addArray().add(p.date().toString()).addNull();
            } else if (p.lowQuality()) {
                ObjectNode item = data.addObject().put("symbol", "emptyCircle");
                item.putArray("value").add(p.date().toString()).add(round(p.value(), 1));
            } else {
                data.addArray().add(p.date().toString()).add(round(p.value(), 1));
            }
        }
        return o.toString();
    }

    private static ObjectNode base() {
        ObjectNode o = JSON.createObjectNode();
        o.putObject("textStyle").put("fontFamily", "inherit");
        return o;
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
