package org.poseanalytics.web.analysis;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.web.ui.FigureText;
import org.poseanalytics.web.ui.QualityBadge;
import org.poseanalytics.web.ui.Ui;

/**
 * Bar velocity per repetition, as coaches set loads by it: for each tracked point, per repetition its vertical
 * displacement, mean and peak concentric velocity and mean eccentric velocity with their quality (and the reason when
 * not valid), then the set's mean concentric velocity and the velocity loss from the first to the last repetition.
 * In m and m/s when the analysis had a scale, else px and px/s (the units say which). Re-read when a point is added or
 * removed ({@link #refresh}).
 */
class BarVelocityPanel extends VerticalLayout {
    private final Supplier<List<MetricRecord>> metrics;

    /** @param shown the analysis's figures as the page read them; {@code metrics} reads them again after a change */
    BarVelocityPanel(List<MetricRecord> shown, Supplier<List<MetricRecord>> metrics) {
        this.metrics = metrics;
        setPadding(false);
        setId("bar-velocity");
        show(shown);
    }

    void refresh() {
        show(metrics.get());
    }

    private void show(List<MetricRecord> figures) {
        removeAll();
        List<BarVelocity> points = BarVelocity.of(figures);
        if (points.isEmpty()) {
            add(Ui.emptyState("No bar velocity yet", "Track a point on the bar (e.g. its end) above: its velocity per repetition appears here,"
                    + " in m/s when the analysis has a scale."));
            return;
        }
        for (BarVelocity point : points) {
            H4 title = new H4("Point " + point.point());
            title.getStyle().set("margin", "var(--lumo-space-s) 0 0 0");
            add(title);
            if (point.repetitions().isEmpty()) add(new Span("No repetition was found in this point's movement."));
            else add(grid(point.point(), point.repetitions()));
            summary(point.point(), point.session()).ifPresent(this::add);
        }
    }

    private static Grid<BarVelocity.Row> grid(int point, List<BarVelocity.Row> rows) {
        Grid<BarVelocity.Row> grid = new Grid<>();
        grid.setId("bar-velocity-" + point);
        grid.addClassName("bar-velocity-grid");
        grid.addColumn(BarVelocity.Row::repetition).setHeader("Rep").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> text(r.displacement())).setHeader("Displacement");
        grid.addColumn(r -> text(r.meanConcentric())).setHeader("Mean concentric velocity");
        grid.addColumn(r -> text(r.peakConcentric())).setHeader("Peak concentric velocity");
        grid.addColumn(r -> text(r.meanEccentric())).setHeader("Mean eccentric velocity");
        grid.addColumn(QualityBadge.renderer(r -> r.rated() == null ? null : r.rated().quality())).setHeader("Quality");
        grid.addColumn(r -> r.rated() == null || r.rated().quality() == Quality.VALID ? "" : r.rated().note()).setHeader("Why").setFlexGrow(2);
        grid.setItems(rows);
        Ui.fitRows(grid, rows.size());
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        return grid;
    }

    /** "Mean concentric velocity per set: 0.52 m/s ✓ valid · Velocity loss: 12.3 % ✓ valid". */
    private static Optional<Div> summary(int point, List<MetricRecord> session) {
        if (session.isEmpty()) return Optional.empty();
        Div box = new Div();
        box.setId("bar-velocity-summary-" + point);
        box.addClassName("bar-velocity-summary");
        box.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)").set("flex-wrap", "wrap").set("font-size", "var(--lumo-font-size-s)");
        for (MetricRecord m : session) {
            Span figure = new Span(VideoAnalysis.capital(MetricNames.label(m.name(), m.side()).replaceFirst("^Point \\d+: ", ""))
                    + ": " + FigureText.value(m) + " ");
            figure.getElement().setAttribute("data-metric", m.name());
            Div item = new Div(figure, new QualityBadge(m.quality()));
            if (m.quality() != Quality.VALID && !m.note().isBlank()) item.add(new Span(" " + m.note()));
            box.add(item);
        }
        return Optional.of(box);
    }

    private static String text(MetricRecord m) { return m == null ? "—" : FigureText.value(m); }
}
