package org.poseanalytics.web.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Small shared pieces of the pages: notifications and empty states. */
public final class Ui {
    private Ui() {}

    public static void error(String message) {
        Notification n = new Notification(message, 8000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.open();
    }

    public static void success(String message) {
        Notification n = new Notification(message, 4000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        n.open();
    }

    /** What to show where a list is empty: what the list is for, and what to do to fill it. */
    public static Component emptyState(String title, String whatToDo) {
        Div box = new Div();
        box.addClassName("empty-state");
        box.getStyle().set("border", "1px dashed var(--lumo-contrast-30pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-l)").set("text-align", "center").set("color", "var(--lumo-secondary-text-color)")
                .set("width", "100%").set("box-sizing", "border-box");
        Paragraph t = new Paragraph(title);
        t.getStyle().set("font-weight", "600").set("color", "var(--lumo-body-text-color)").set("margin", "0 0 var(--lumo-space-s)");
        Paragraph d = new Paragraph(whatToDo);
        d.getStyle().set("margin", "0");
        box.add(t, d);
        return box;
    }

    /** Rows a grid shows at once before it scrolls: see {@link #fitRows}. */
    public static final int ALL_ROWS_UP_TO = 50;

    /**
     * A short list in full (no scroll bar of its own); a long one (a subject with hundreds of sessions) in a grid of fixed
     * height, which fetches its rows as they are scrolled to: with every row visible the server builds and sends every
     * row, and any component in it, with the page (measured in docs/BENCHMARKS.md, "Server under load").
     */
    public static void fitRows(com.vaadin.flow.component.grid.Grid<?> grid, int rows) {
        grid.setAllRowsVisible(rows <= ALL_ROWS_UP_TO);
        grid.setHeight(rows <= ALL_ROWS_UP_TO ? null : "min(70vh, 720px)");
    }

    public static String orDash(Object value) {
        return value == null || value.toString().isBlank() ? "—" : value.toString();
    }
}
