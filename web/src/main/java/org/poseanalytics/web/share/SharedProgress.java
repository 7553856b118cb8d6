package org.poseanalytics.web.share;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import java.util.Locale;
import org.poseanalytics.web.progress.MetricTrend;
import org.poseanalytics.web.ui.FigureText;

/**
 * A subject's progress as a patient reads it on a phone: each measure, its visits oldest first with the value and its
 * quality, the change since the first visit; values left out of a trend say why.
 */
final class SharedProgress {
    private SharedProgress() {}

    static Component of(String subjectName, String clinicName, List<MetricTrend> trends) {
        Div page = new Div();
        page.setId("shared-progress");
        page.setWidthFull();
        H2 title = new H2("Progress");
        title.setId("shared-title");
        page.add(title, new Paragraph(subjectName + " · " + clinicName));
        if (trends.isEmpty()) page.add(new Paragraph("No measured sessions yet."));
        for (MetricTrend t : trends) {
            page.add(new H3(t.label() + " · " + t.exercise()));
            for (MetricTrend.Visit v : t.visits()) {
                String text = v.date() + ": " + FigureText.value(v.figure()) + " · " + FigureText.quality(v.figure().quality());
                if (v.leftOut()) text += " · not counted: " + v.figure().note();
                else if (v.sinceFirst() != null) text += " · since the first visit " + signed(v.sinceFirst()) + " " + t.unit();
                page.add(SharedReport.line(text));
            }
        }
        return page;
    }

    private static String signed(double d) {
        return (d >= 0 ? "+" : "−") + String.format(Locale.ROOT, "%.1f", Math.abs(d));
    }
}
