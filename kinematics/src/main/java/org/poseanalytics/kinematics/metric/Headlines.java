package org.poseanalytics.kinematics.metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.poseanalytics.kinematics.angle.AnatomicalPlane;
import org.poseanalytics.kinematics.angle.Dimension;
import org.poseanalytics.kinematics.angle.JointAngle;
import org.poseanalytics.kinematics.angle.Side;
import org.poseanalytics.kinematics.metric.HeadlineSpec.Combine;
import org.poseanalytics.kinematics.metric.HeadlineSpec.Named;
import org.poseanalytics.kinematics.metric.HeadlineSpec.OfAngle;
import org.poseanalytics.kinematics.metric.HeadlineSpec.SymmetryOf;
import org.poseanalytics.kinematics.metric.HeadlineSpec.Variants;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.kinematics.rating.QualityRule;
import org.poseanalytics.kinematics.rating.Rating;
import org.poseanalytics.kinematics.view.CameraView;
import org.poseanalytics.kinematics.view.ViewSummary;

/**
 * Fills a template's headlines from one analysis: for each, the variant the camera's view can measure (an angle in 2D
 * when the view faces its plane, else 3D), never an invalid one while a usable one exists. A headline nothing could
 * measure stays in the list as an invalid figure (no value) with the reason, so the page can show "—" and why.
 */
public final class Headlines {
    /** At most this many per template: a page leads with them, the rest fold under "All figures". */
    public static final int MAX = 8;

    private Headlines() {}

    /**
     * @param headlines the filled headlines, in rank order
     * @param derived   figures the headlines made that the metrics did not hold (both sides combined, a 2D angle made
     *                  invalid by the view, an invalid placeholder for a figure nothing measured): add them to the
     *                  metrics (replacing a figure under the same key) so every headline is found there as shown
     */
    public record Resolved(List<Headline> headlines, List<MetricRecord> derived) {}

    public static Resolved resolve(List<HeadlineSpec> specs, List<MetricRecord> metrics, ViewSummary view, Side involved) {
        if (specs.size() > MAX) throw new IllegalArgumentException(specs.size() + " headlines; a template names at most " + MAX);
        List<Headline> out = new ArrayList<>();
        List<MetricRecord> derived = new ArrayList<>();
        for (HeadlineSpec spec : specs) {
            Pick pick = switch (spec.figure()) {
                case Named n -> new Pick(find(metrics, n.name(), n.side()).orElseGet(() -> missing(n.name(), n.side(), metrics)), "");
                case OfAngle a -> angle(a, metrics, view);
                case SymmetryOf s -> symmetry(s, metrics, view, involved);
            };
            out.add(new Headline(out.size() + 1, spec.label(), spec.definition() + pick.definitionSuffix(), pick.metric()));
            if (metrics.stream().noneMatch(m -> m.equals(pick.metric())) && derived.stream().noneMatch(m -> m.key().equals(pick.metric().key())))
                derived.add(pick.metric());
        }
        return new Resolved(out, derived);
    }

    private record Pick(MetricRecord metric, String definitionSuffix) {}

    private static Pick angle(OfAngle a, List<MetricRecord> metrics, ViewSummary view) {
        boolean faces = QualityRule.facesCamera(a.angle().plane(), view.dominant());
        List<Dimension> dims = dimensions(a.angle(), a.variants(), view);
        MetricRecord first = null;
        Dimension firstDim = describedIn(dims, metrics);
        for (Dimension dim : dims) {
            String name = a.angle().id() + dim.suffix() + "_" + a.what();
            Optional<MetricRecord> m = a.combine() == Combine.NONE ? find(metrics, name, a.side()) : combined(metrics, name, a.combine());
            if (m.isEmpty()) continue;
            MetricRecord r = m.get();
            // A 2D angle of a plane the camera sees edge-on is no measurement, whatever its samples say.
            if (dim == Dimension.IMAGE_2D && !faces)
                r = r.withQuality(Quality.INVALID,
                        a.angle().plane().adjective() + " angle from " + QualityRule.viewWords(view.dominant()));
            // A figure defined only on a view the camera may not have had (FPPA: a front view) is not trusted blindly.
            if (a.variants() == Variants.IMAGE_ONLY && view.dominant() == CameraView.UNKNOWN && r.quality() == Quality.VALID)
                r = r.withQuality(Quality.LOW, "the camera's view could not be told; this figure needs "
                        + (a.angle().plane() == AnatomicalPlane.FRONTAL ? "a front view" : "a side view"));
            if (r.quality().usable()) return new Pick(r, suffix(dim));
            if (first == null) { first = r; firstDim = dim; }
        }
        if (first != null) return new Pick(first, suffix(firstDim));
        String name = a.angle().id() + firstDim.suffix() + "_" + a.what() + combineSuffix(a.combine());
        if (a.variants() == Variants.IMAGE_ONLY && !faces)
            return new Pick(MetricRecord.session(name, Double.NaN, "deg", a.side(), Rating.invalid(a.angle().plane().adjective()
                    + " angle from " + QualityRule.viewWords(view.dominant()))), suffix(firstDim));
        return new Pick(missing(name, a.side(), metrics).withUnit("deg"), suffix(firstDim));
    }

    private static Pick symmetry(SymmetryOf s, List<MetricRecord> metrics, ViewSummary view, Side involved) {
        boolean lsi = involved == Side.LEFT || involved == Side.RIGHT;
        String index = lsi
                ? "; limb symmetry index = involved (" + involved.name().toLowerCase() + ") ÷ uninvolved (" + involved.other().name().toLowerCase()
                  + ") × 100 %, 100 % = symmetric"
                : "; symmetry index = 100 × (left − right) ÷ mean of both, 0 % = symmetric, positive = left larger";
        List<Dimension> dims = s.angle() == null ? List.of(Dimension.IMAGE_2D) : dimensions(s.angle(), Variants.VIEW_DEPENDENT, view);
        MetricRecord first = null;
        Dimension firstDim = describedIn(dims, metrics);
        for (Dimension dim : dims) {
            String base = s.angle() == null ? s.what() : s.angle().id() + dim.suffix() + "_" + s.what();
            String name = lsi ? SymmetryMetrics.limbSymmetryName(base) : SymmetryMetrics.symmetryName(base);
            Optional<MetricRecord> m = find(metrics, name, Side.NONE);
            if (m.isEmpty()) continue;
            if (m.get().quality().usable()) return new Pick(m.get(), index + (s.angle() == null ? "" : suffix(dim)));
            if (first == null) { first = m.get(); firstDim = dim; }
        }
        String suffix = index + (s.angle() == null ? "" : suffix(firstDim));
        if (first != null) return new Pick(first, suffix);
        String base = s.angle() == null ? s.what() : s.angle().id() + firstDim.suffix() + "_" + s.what();
        String name = lsi ? SymmetryMetrics.limbSymmetryName(base) : SymmetryMetrics.symmetryName(base);
        return new Pick(missing(base, Side.NONE, metrics).renamed(name, "%"), suffix);
    }

    /** The measurements to try, in order of preference. */
    static List<Dimension> dimensions(JointAngle angle, Variants variants, ViewSummary view) {
        CameraView v = view.dominant();
        boolean facing = switch (angle.plane()) {
            case SAGITTAL -> v.sagittal();
            case FRONTAL -> v.frontal();
        };
        if (variants == Variants.IMAGE_ONLY) return List.of(Dimension.IMAGE_2D);
        return facing ? List.of(Dimension.IMAGE_2D, Dimension.WORLD_3D) : List.of(Dimension.WORLD_3D, Dimension.IMAGE_2D);
    }

    /**
     * The measurement a figure found nowhere is described in: the first to try, unless the analysis has no 3D figure at
     * all (keypoints imported in 2D, a 2D-only model), where "3D, world landmarks" would name what it never had.
     */
    private static Dimension describedIn(List<Dimension> dims, List<MetricRecord> metrics) {
        boolean any3d = metrics.stream().anyMatch(m -> m.name().contains(Dimension.WORLD_3D.suffix() + "_"));
        return dims.stream().filter(d -> d != Dimension.WORLD_3D || any3d).findFirst().orElse(dims.getFirst());
    }

    private static String suffix(Dimension d) {
        return d == Dimension.IMAGE_2D ? "; 2D, image plane" : "; 3D, world landmarks";
    }

    private static String combineSuffix(Combine c) {
        return switch (c) {
            case NONE -> "";
            case MEAN_OF_SIDES -> "_mean_of_sides";
            case MAX_OF_SIDES -> "_max_of_sides";
        };
    }

    /** Both sides as one figure: the mean or the larger of the usable sides; low when only one side was usable. */
    private static Optional<MetricRecord> combined(List<MetricRecord> metrics, String name, Combine how) {
        Optional<MetricRecord> l = find(metrics, name, Side.LEFT), r = find(metrics, name, Side.RIGHT);
        if (l.isEmpty() && r.isEmpty()) return Optional.empty();
        String combinedName = name + combineSuffix(how);
        String unit = l.or(() -> r).orElseThrow().unit();
        boolean lu = l.isPresent() && l.get().quality().usable(), ru = r.isPresent() && r.get().quality().usable();
        if (!lu && !ru) {
            Rating why = l.map(MetricRecord::rating).orElseGet(() -> r.orElseThrow().rating());
            if (why.usable()) why = Rating.invalid("neither side measured");
            return Optional.of(MetricRecord.session(combinedName, Double.NaN, unit, Side.NONE, why));
        }
        if (lu && ru) {
            double lv = l.get().value(), rv = r.get().value();
            double v = how == Combine.MAX_OF_SIDES ? Math.max(lv, rv) : (lv + rv) / 2;
            return Optional.of(MetricRecord.session(combinedName, v, unit, Side.NONE, l.get().rating().worst(r.get().rating())));
        }
        MetricRecord one = lu ? l.get() : r.get();
        String other = lu ? "right" : "left";
        return Optional.of(MetricRecord.session(combinedName, one.value(), unit, Side.NONE, Rating.low("only the " + (lu ? "left" : "right")
                + " side measured (" + other + ": " + (lu ? r : l).map(MetricRecord::reason).filter(s -> !s.isBlank()).orElse("not measured") + ")")));
    }

    private static Optional<MetricRecord> find(List<MetricRecord> metrics, String name, Side side) {
        return metrics.stream().filter(m -> m.repetition() == null && m.name().equals(name) && m.side() == side).findFirst();
    }

    /** A headline nothing measured: no value, and why. */
    private static MetricRecord missing(String name, Side side, List<MetricRecord> metrics) {
        return MetricRecord.session(name, Double.NaN, unitGuess(name), side, Rating.invalid(missingReason(name, metrics)));
    }

    private static String unitGuess(String name) {
        return name.endsWith("_count") ? "count" : name.contains("duration") || name.endsWith("_time") ? "s" : name.contains("index") ? "%" : "deg";
    }

    static String missingReason(String name, List<MetricRecord> metrics) {
        boolean perRepetition = name.contains("repetition") || name.endsWith("_mean") || name.contains("_mean_of_sides") || name.contains("_max_of_sides");
        if (perRepetition) {
            Optional<MetricRecord> count = find(metrics, "repetition_count", Side.NONE);
            if (count.isPresent() && !count.get().quality().usable()) return "repetitions could not be counted: " + count.get().reason();
            if (count.isPresent() && count.get().value() == 0) return "no complete repetition";
            if (count.isEmpty() && name.startsWith("repetition")) return "no repetition signal could be measured";
        }
        if (name.contains("_3d_")) return "no 3D (world) landmarks from this pose model";
        Optional<MetricRecord> strikes = find(metrics, "heel_strike_count", Side.NONE);
        if (strikes.isPresent()) return "too few steps seen";
        return "not measured in this recording";
    }
}
