package org.poseanalytics.web.progress;

import org.poseanalytics.web.audit.AuditService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.poseanalytics.web.chart.ChartOptions;
import org.poseanalytics.web.chart.EChart;
import org.poseanalytics.web.chart.TrendPoint;
import org.poseanalytics.web.subject.Subject;
import org.poseanalytics.web.subject.SubjectService;
import org.poseanalytics.web.ui.FigureText;
import org.poseanalytics.web.ui.QualityBadge;
import org.poseanalytics.web.ui.Ui;

/**
 * A subject's progress: one metric of one exercise per visit, charted by date, with the changes and each value's
 * quality in a table. Headline figures lead; invalid values are gaps, listed with their reason under the chart.
 */
@Route("subjects/:subjectId/progress")
@PermitAll
public class ProgressView extends VerticalLayout implements com.vaadin.flow.router.BeforeEnterObserver, HasDynamicTitle {
    /** How many left-out visits are listed under the chart: the latest ones. */
    static final int LEFT_OUT_LISTED = 10;

    private final ProgressService progress;
    private final SubjectService subjects;
    private final AuditService audit;
    private Subject subject;

    public ProgressView(ProgressService progress, SubjectService subjects, AuditService audit) {
        this.progress = progress;
        this.audit = audit;
        this.subjects = subjects;
        setMaxWidth("1100px");
        getStyle().set("margin", "0 auto");
    }

    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        long id = Long.parseLong(event.getRouteParameters().get("subjectId").orElseThrow());
        subject = subjects.get(id);
        audit.viewed(id, null, "progress page");
        render(progress.choices(id));
    }

    @Override
    public String getPageTitle() { return subject == null ? "Progress · Pose Analytics" : "Progress: " + subject.displayName() + " · Pose Analytics"; }

    private void render(List<TrendChoice> trends) {
        removeAll();
        Anchor back = new Anchor("subjects/" + subject.id(), "← " + subject.displayName());
        H2 title = new H2("Progress of " + subject.displayName());
        title.setId("progress-title");
        add(back, title);
        if (trends.isEmpty()) {
            add(Ui.emptyState("No analysed sessions yet",
                    "Upload a video to a session of " + subject.displayName() + "; once it is analysed, its figures appear here, one point per visit."));
            return;
        }
        // The valid figures as FHIR R4 Observations for the health record (report.FhirController); linked by URL, as
        // pages link to what sits above or beside them.
        Anchor fhir = new Anchor("/api/subjects/" + subject.id() + "/fhir-bundle.json", "Download for the health record (FHIR R4, valid figures only)");
        fhir.setId("fhir-download");
        fhir.getElement().setAttribute("download", true);
        add(fhir);
        ComboBox<TrendChoice> metric = new ComboBox<>("Metric");
        metric.setItems(trends);
        metric.setItemLabelGenerator(t -> (t.headline() ? "★ " : "") + t.label() + " · " + t.exercise());
        metric.setWidth("min(100%, 620px)");
        metric.setHelperText("★ headline figures of the exercise. Each trend keeps one view and one measure (2D or 3D); "
                + "invalid values are left out, with the reason below the chart.");
        metric.setId("metric-chooser");
        EChart chart = new EChart();
        chart.setId("trend-chart");
        Grid<MetricTrend.Visit> table = new Grid<>();
        table.setId("trend-table");
        table.addColumn(v -> v.date().toString()).setHeader("Session date");
        var valueColumn = table.addColumn(v -> FigureText.value(v.figure())).setHeader("Value");
        table.addColumn(QualityBadge.<MetricTrend.Visit>renderer(v -> v.figure().quality())).setHeader("Quality");
        var sinceFirst = table.addColumn(v -> change(v.sinceFirst(), null)).setHeader("Change since first");
        var sincePrevious = table.addColumn(v -> change(v.sincePrevious(), null)).setHeader("Change since previous");
        table.addColumn(v -> v.figure().note()).setHeader("Why").setFlexGrow(3);
        table.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        Span summary = new Span();
        summary.setId("trend-summary");
        summary.getStyle().set("font-size", "var(--lumo-font-size-l)");
        VerticalLayout gaps = new VerticalLayout();
        gaps.setId("trend-left-out");
        gaps.setPadding(false);
        gaps.setSpacing(false);
        long subjectId = subject.id();
        metric.addValueChangeListener(e -> {
            if (e.getValue() == null) return;
            // the visits of the trend shown only: about 1,000 rows for a subject of 1,000 sessions, not every figure
            MetricTrend t = progress.trend(subjectId, e.getValue());
            chart.setOption(ChartOptions.trendChart(t.label(), unit(t.unit()), t.visits().stream()
                    .map(v -> new TrendPoint(v.date(), v.leftOut() ? Double.NaN : v.value(),
                            v.figure().quality() == org.poseanalytics.kinematics.quality.Quality.LOW)).toList()));
            valueColumn.setHeader("Value (" + unit(t.unit()) + ")");
            sinceFirst.setRenderer(new com.vaadin.flow.data.renderer.TextRenderer<>(v -> change(v.sinceFirst(), t.unit())));
            sincePrevious.setRenderer(new com.vaadin.flow.data.renderer.TextRenderer<>(v -> change(v.sincePrevious(), t.unit())));
            table.setItems(t.visits());
            Ui.fitRows(table, t.visits().size());
            MetricTrend.Visit last = t.latest();
            summary.setText(last == null ? "No value of this figure could be measured yet; see why below."
                    : t.kept().size() < 2
                    ? "One session so far: " + withUnit(last.value(), t.unit()) + ". Analyse another visit to see the change."
                    : "Latest " + withUnit(last.value(), t.unit()) + ", " + change(last.sinceFirst(), t.unit()) + " since the first session and "
                    + change(last.sincePrevious(), t.unit()) + " since the previous one.");
            gaps.removeAll();
            List<MetricTrend.Visit> leftOut = t.leftOut();
            if (!leftOut.isEmpty()) {
                gaps.add(new Span("Left out of the trend (shown as gaps):"));
                // the latest few: a line (a component) each for hundreds of sessions would weigh on every view of the
                // page, and the table below gives every visit's reason
                for (MetricTrend.Visit v : leftOut.subList(Math.max(0, leftOut.size() - LEFT_OUT_LISTED), leftOut.size())) {
                    Span line = new Span(v.date() + " — " + FigureText.quality(v.figure().quality()) + ": " + v.figure().note());
                    line.addClassName("left-out-visit");
                    gaps.add(line);
                }
                if (leftOut.size() > LEFT_OUT_LISTED) {
                    gaps.add(new Span("… and " + (leftOut.size() - LEFT_OUT_LISTED) + " earlier; the table lists why for each visit."));
                }
            }
        });
        metric.setValue(first(trends));
        add(metric, summary, chart, gaps, table);
        setVelocities(trends.stream().filter(TrendChoice::setVelocity).map(c -> progress.trend(subjectId, c)).toList())
                .ifPresent(this::add);
    }

    /**
     * "Mean concentric velocity per set" across sessions, for each tracked point: the figure coaches set loads by, listed
     * visit by visit with its quality (a set whose velocity is invalid says why instead of a number).
     */
    private static java.util.Optional<VerticalLayout> setVelocities(List<MetricTrend> velocity) {
        if (velocity.isEmpty()) return java.util.Optional.empty();
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setId("set-velocity");
        box.add(new com.vaadin.flow.component.html.H3("Mean concentric velocity per set"));
        for (MetricTrend t : velocity) {
            Grid<MetricTrend.Visit> grid = new Grid<>();
            grid.addClassName("set-velocity-grid");
            grid.addColumn(v -> v.date().toString()).setHeader("Session date");
            grid.addColumn(v -> FigureText.value(v.figure())).setHeader(t.label().replaceFirst(":.*", "") + ", mean concentric velocity");
            grid.addColumn(QualityBadge.<MetricTrend.Visit>renderer(v -> v.figure().quality())).setHeader("Quality");
            grid.addColumn(v -> change(v.sincePrevious(), t.unit())).setHeader("Change since previous");
            grid.addColumn(v -> v.figure().note()).setHeader("Why").setFlexGrow(3);
            grid.setItems(t.visits());
            Ui.fitRows(grid, t.visits().size());
            grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_COMPACT, com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
            box.add(new Span(t.label() + " · " + t.exercise()), grid);
        }
        return java.util.Optional.of(box);
    }

    /**
     * The trend shown first: the best-ranked headline figure of the exercise that has a trend to show (two kept visits,
     * else one); without headlines (analyses stored before them), the range of motion of the joint the exercise is about.
     */
    static TrendChoice first(List<TrendChoice> trends) {
        for (int kept : new int[] {2, 1, 0}) {
            var best = trends.stream().filter(t -> t.headline() && t.kept() >= kept)
                    .min(Comparator.comparingInt(TrendChoice::headlineRank));
            if (best.isPresent()) return best.get();
        }
        return trends.stream().max(Comparator.comparingInt(TrendChoice::kept)
                .thenComparingInt(t -> preference(t.exercise(), t.key()))).orElseThrow();
    }

    /** How a value reads with its unit: 97.4°, 3 count → "3", 1.4 s. */
    static String withUnit(double v, String unit) {
        return "deg".equals(unit) ? fmt(v) + "°" : "count".equals(unit) ? String.valueOf(Math.round(v)) : FigureText.number(v, unit);
    }

    static String unit(String u) { return "deg".equals(u) ? "°" : u; }

    /**
     * The metric shown first: the range of motion of the joint the exercise is about (what a clinician charts
     * per visit), then its symmetry, then the repetition count.
     */
    static int preference(String exercise, String k) {
        String joint = switch (exercise) {
            case "shoulder-abduction" -> "shoulder_abduction";
            case "shoulder-flexion" -> "shoulder_flexion";
            case "gait" -> "hip_flexion";
            default -> "knee_flexion";
        };
        if (k.contains(joint) && k.endsWith("rom_mean")) return k.startsWith("left_") ? 5 : 4;
        if (k.contains(joint) && k.contains("symmetry")) return 3;
        if (k.equals("repetition_count")) return 2;
        return 0;
    }

    static String fmt(double v) { return String.format(Locale.ROOT, "%.1f", v); }

    /** A change with the figure's precision: a bar velocity's to the centimetre per second (+0.03), the rest to a tenth. */
    static String change(Double d, String unit) {
        if (d == null) return "—";
        boolean metres = "m".equals(unit) || "m/s".equals(unit);
        return (d >= 0 ? "+" : "−") + String.format(Locale.ROOT, metres ? "%.2f" : "%.1f", Math.abs(d));
    }
}
