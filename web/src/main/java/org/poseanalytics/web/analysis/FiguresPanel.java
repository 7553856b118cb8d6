package org.poseanalytics.web.analysis;

import org.poseanalytics.kinematics.metric.Headline;
import org.poseanalytics.kinematics.metric.MetricRecord;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import org.poseanalytics.kinematics.exercise.Exercise;
import org.poseanalytics.kinematics.quality.Quality;
import org.poseanalytics.web.ui.FigureText;
import org.poseanalytics.web.ui.QualityBadge;
import org.poseanalytics.web.ui.Ui;

/**
 * The figures of one analysis as a clinician reads them: the camera view it was filmed from, the exercise's headline
 * figures first (each with its quality and, when not valid, why; an invalid one shows "—", never a number), the
 * filming guidance again when the view or visibility limited those figures, and every figure folded under
 * "All figures", each with its quality (built when opened).
 */
class FiguresPanel extends VerticalLayout {

    FiguresPanel(VideoAnalysis a) {
        setPadding(false);
        setId("figures");
        Span view = new Span(FigureText.view(a.analysis().view()));
        view.setId("camera-view");
        add(view);
        List<MetricRecord> all = a.sessionMetrics();
        if (all.isEmpty()) {
            add(Ui.emptyState("No session figures", "This exercise template gives no session-wide figures."));
            return;
        }
        List<Headline> lead = a.leadFigures();
        FlexLayout cards = new FlexLayout();
        cards.setId("headline-figures");
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-s)");
        lead.forEach(h -> cards.add(card(h)));
        add(cards);
        filmingGuidance(a, lead).ifPresent(this::add);
        add(allFigures(a, all));
    }

    private static Component card(Headline h) {
        MetricRecord m = h.metric();
        Span value = new Span(FigureText.value(m));
        value.addClassName("figure-value");
        value.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600").set("margin-right", "var(--lumo-space-s)");
        Div top = new Div(value, new QualityBadge(m.quality()));
        Span name = new Span(h.label());
        name.addClassName("figure-label");
        name.getStyle().set("font-size", "var(--lumo-font-size-s)");
        Div card = new Div(top, new Div(name));
        if (h.definition() != null && !h.definition().isBlank()) card.add(small(h.definition(), "figure-definition"));
        if (m.quality() != Quality.VALID && !m.note().isBlank()) {
            Span reason = small(m.note(), "figure-reason");
            reason.getStyle().set("color", m.quality() == Quality.INVALID ? "var(--lumo-error-text-color)" : "var(--lumo-body-text-color)");
            card.add(reason);
        }
        card.addClassName("headline-figure");
        card.getElement().setAttribute("data-metric", m.key());
        card.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("min-width", "180px").set("max-width", "300px");
        return card;
    }

    /** The template's filming guidance, when the view or visibility made a headline figure low or invalid. */
    private static java.util.Optional<Component> filmingGuidance(VideoAnalysis a, List<Headline> lead) {
        Exercise template = a.template();
        if (template == null || lead.stream().noneMatch(h -> FigureText.blamesFilming(h.metric()))) return java.util.Optional.empty();
        Div box = new Div(new Span("Some of these figures are limited by how the video was filmed. To measure them, film it like this: "),
                new Span(template.filming()));
        box.setId("filming-guidance");
        box.getStyle().set("background", "var(--lumo-contrast-5pct)").set("border-left", "4px solid var(--lumo-primary-color)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("font-size", "var(--lumo-font-size-s)");
        return java.util.Optional.of(box);
    }

    /** Folded; its grid (a hundred rows or more, all sent at once) is built when it is first opened. */
    private static Component allFigures(VideoAnalysis a, List<MetricRecord> all) {
        Details more = new Details("All figures (" + all.size() + ")");
        more.setId("all-figures");
        more.setOpened(false);
        more.setWidthFull();
        more.addOpenedChangeListener(e -> {
            if (e.isOpened() && more.getContent().findAny().isEmpty()) more.add(allFiguresGrid(a, all));
        });
        return more;
    }

    private static Grid<MetricRecord> allFiguresGrid(VideoAnalysis a, List<MetricRecord> all) {
        Grid<MetricRecord> grid = new Grid<>();
        grid.addColumn(VideoAnalysis::metricLabel).setHeader("Figure").setFlexGrow(3);
        grid.addColumn(FigureText::value).setHeader("Value").setFlexGrow(1);
        grid.addColumn(QualityBadge.renderer(MetricRecord::quality)).setHeader("Quality").setFlexGrow(1);
        grid.addColumn(m -> {
            String definition = MetricNames.definition(m.name(), a.involvedSide());
            return m.quality() == Quality.VALID ? definition : (m.note() + (definition.isEmpty() ? "" : " · " + definition));
        }).setHeader("Why / definition").setFlexGrow(4);
        grid.setItems(all);
        Ui.fitRows(grid, all.size()); // an hour's figures number 64,000: all rows visible failed the page
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setId("all-figures-grid");
        return grid;
    }

    private static Span small(String text, String className) {
        Span s = new Span(text);
        s.addClassName(className);
        s.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)")
                .set("max-width", "280px");
        return s;
    }
}
