package org.poseanalytics.web.ui;

import com.vaadin.flow.component.html.Span;
import org.poseanalytics.kinematics.quality.Quality;

/**
 * A figure's quality as a small badge: colour, a symbol and the word (valid / low quality / invalid / not rated), so it
 * reads without colour too. {@code data-quality} carries the id ("valid", "low", "invalid", "not-rated") for tests and
 * styling.
 */
public class QualityBadge extends Span {

    public QualityBadge(Quality q) {
        String symbol = q == null ? "?" : switch (q) {
            case VALID -> "✓";
            case LOW -> "!";
            case INVALID -> "✕";
        };
        // Lumo's own semantic colours: readable on light and dark themes.
        String colour = q == null ? "contrast" : switch (q) {
            case VALID -> "success";
            case LOW -> "warning";
            case INVALID -> "error";
        };
        setText(symbol + " " + FigureText.quality(q));
        addClassName("quality-badge");
        getElement().setAttribute("data-quality", q == null ? "not-rated" : q.id());
        getStyle().set("display", "inline-block").set("white-space", "nowrap")
                .set("font-size", "var(--lumo-font-size-xs)").set("font-weight", "600")
                .set("padding", "0.1em 0.6em").set("border-radius", "var(--lumo-border-radius-l)")
                .set("color", "var(--lumo-" + colour + "-text-color, var(--lumo-body-text-color))")
                .set("background", "var(--lumo-" + colour + "-color-10pct, var(--lumo-contrast-10pct))")
                .set("border", "1px solid var(--lumo-" + colour + "-color-50pct, var(--lumo-contrast-30pct))");
    }
}
