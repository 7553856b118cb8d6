package org.poseanalytics.web.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
import org.poseanalytics.kinematics.quality.Quality;

/**
 * A figure's quality as a small badge: colour, a symbol and the word (valid / low quality / invalid / not rated), so it
 * reads without colour too. {@code data-quality} carries the id ("valid", "low", "invalid", "not-rated") for tests and
 * styling.
 */
public class QualityBadge extends Span {

    public QualityBadge(Quality q) {
        setText(text(q));
        addClassName("quality-badge");
        getElement().setAttribute("data-quality", id(q));
        style(q).forEach((property, value) -> getStyle().set(property, value));
    }

    /**
     * The same badge drawn in the browser from two values per row, for a column of a long grid: a component per row would
     * be built, kept and sent by the server for every row the grid fetches (the progress page's visits, issue #17 item 4).
     */
    public static <T> LitRenderer<T> renderer(ValueProvider<T, Quality> quality) {
        return LitRenderer.<T>of("<span class=\"quality-badge\" data-quality=\"${item.quality}\" style=\"${item.style}\">${item.text}</span>")
                .withProperty("quality", t -> id(quality.apply(t)))
                .withProperty("style", t -> styleText(quality.apply(t)))
                .withProperty("text", t -> text(quality.apply(t)));
    }

    private static String id(Quality q) { return q == null ? "not-rated" : q.id(); }

    private static String text(Quality q) {
        String symbol = q == null ? "?" : switch (q) {
            case VALID -> "✓";
            case LOW -> "!";
            case INVALID -> "✕";
        };
        return symbol + " " + FigureText.quality(q);
    }

    /** The badge's look, as CSS properties in order. */
    private static java.util.SequencedMap<String, String> style(Quality q) {
        // Lumo's own semantic colours: readable on light and dark themes.
        String colour = q == null ? "contrast" : switch (q) {
            case VALID -> "success";
            case LOW -> "warning";
            case INVALID -> "error";
        };
        java.util.SequencedMap<String, String> css = new java.util.LinkedHashMap<>();
        css.put("display", "inline-block");
        css.put("white-space", "nowrap");
        css.put("font-size", "var(--lumo-font-size-xs)");
        css.put("font-weight", "600");
        css.put("padding", "0.1em 0.6em");
        css.put("border-radius", "var(--lumo-border-radius-l)");
        css.put("color", "var(--lumo-" + colour + "-text-color, var(--lumo-body-text-color))");
        css.put("background", "var(--lumo-" + colour + "-color-10pct, var(--lumo-contrast-10pct))");
        css.put("border", "1px solid var(--lumo-" + colour + "-color-50pct, var(--lumo-contrast-30pct))");
        return css;
    }

    private static String styleText(Quality q) {
        StringBuilder s = new StringBuilder();
        style(q).forEach((property, value) -> s.append(property).append(": ").append(value).append("; "));
        return s.toString().strip();
    }
}
