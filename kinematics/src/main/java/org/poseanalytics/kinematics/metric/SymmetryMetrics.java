package org.poseanalytics.kinematics.metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.rating.Rating;

/**
 * Left-against-right figures of session metrics: for a metric {@code X} (or {@code X_mean}) measured on both sides,
 * {@code X_symmetry_index} (Robinson, always) and, when the subject's involved side is known,
 * {@code X_limb_symmetry_index} (involved ÷ uninvolved × 100 %). Each is as good as the weaker side.
 */
public final class SymmetryMetrics {
    private SymmetryMetrics() {}

    public static String stem(String name) { return name.endsWith("_mean") ? name.substring(0, name.length() - "_mean".length()) : name; }

    public static String symmetryName(String name) { return stem(name) + "_symmetry_index"; }

    public static String limbSymmetryName(String name) { return stem(name) + "_limb_symmetry_index"; }

    public static List<MetricRecord> of(List<MetricRecord> metrics, List<String> names, Side involved) {
        List<MetricRecord> out = new ArrayList<>();
        for (String name : names) {
            Optional<MetricRecord> l = find(metrics, name, Side.LEFT), r = find(metrics, name, Side.RIGHT);
            if (l.isEmpty() && r.isEmpty()) continue;
            Rating rating = both(l, r);
            String unit = "%";
            double lv = l.map(MetricRecord::value).orElse(Double.NaN), rv = r.map(MetricRecord::value).orElse(Double.NaN);
            out.add(MetricRecord.session(symmetryName(name), SymmetryIndex.percent(lv, rv), unit, Side.NONE,
                    finite(SymmetryIndex.percent(lv, rv), rating, "both sides are zero")));
            if (involved == Side.LEFT || involved == Side.RIGHT) {
                double inv = involved == Side.LEFT ? lv : rv, uninv = involved == Side.LEFT ? rv : lv;
                double lsi = SymmetryIndex.limb(inv, uninv);
                out.add(MetricRecord.session(limbSymmetryName(name), lsi, unit, Side.NONE,
                        finite(lsi, rating, "the uninvolved side is zero")));
            }
        }
        return out;
    }

    private static Rating both(Optional<MetricRecord> l, Optional<MetricRecord> r) {
        if (l.isEmpty()) return Rating.invalid("left side not measured");
        if (r.isEmpty()) return Rating.invalid("right side not measured");
        Rating lr = l.get().rating(), rr = r.get().rating();
        if (!lr.usable()) return Rating.invalid("left side: " + lr.reason());
        if (!rr.usable()) return Rating.invalid("right side: " + rr.reason());
        if (lr.quality() == rr.quality()) return lr.usable() && !lr.reason().isEmpty() ? Rating.low("left side: " + lr.reason()) : lr;
        return lr.quality().ordinal() > rr.quality().ordinal() ? Rating.low("left side: " + lr.reason()) : Rating.low("right side: " + rr.reason());
    }

    private static Rating finite(double v, Rating rating, String whyNot) {
        return Double.isFinite(v) || !rating.usable() ? rating : Rating.invalid(whyNot);
    }

    private static Optional<MetricRecord> find(List<MetricRecord> records, String name, Side side) {
        return records.stream().filter(m -> m.name().equals(name) && m.side() == side && m.repetition() == null).findFirst();
    }
}
