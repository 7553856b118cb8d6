package org.poseanalytics.web.analysisview;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.poseanalytics.tracking.point.PointSpec;
import org.poseanalytics.tracking.point.PointTrajectory;
import org.poseanalytics.tracking.point.TrackedPoint;
import org.poseanalytics.web.chart.ChartOptions;
import org.poseanalytics.web.chart.Curve;
import org.poseanalytics.web.chart.EChart;
import org.poseanalytics.web.point.PointTrackingService;
import org.poseanalytics.web.video.Video;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * "Track a point": the user pauses on a clear frame and clicks the point (the end of a bar, a marker on the
 * knee); it is followed through the video, drawn as a path on playback, and its height and vertical speed are
 * charted. Runs on a worker thread with a progress bar; the path lives on this page only.
 */
class PointPanel extends VerticalLayout {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    PointPanel(OverlayPlayer player, Video video, PointTrackingService tracking) {
        setPadding(false);
        setId("point-panel");
        Span hint = new Span("Follow any point, e.g. the end of a barbell: pause where it is clearly visible, press the button, then click it on the video.");
        hint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Button start = new Button("Track a point…", VaadinIcon.CROSSHAIRS.create());
        start.setId("track-point");
        start.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        Button cancel = new Button("Cancel", e -> { player.setPicking(false); });
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        cancel.setVisible(false);
        ProgressBar bar = new ProgressBar(0, 1);
        bar.setId("point-progress");
        bar.setVisible(false);
        Span state = new Span();
        state.setId("point-state");
        HorizontalLayout row = new HorizontalLayout(start, cancel, state);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        EChart chart = new EChart();
        chart.setId("point-chart");
        chart.setHeight("240px");
        chart.followPlayer(player.getId().orElseThrow());
        chart.setOption(ChartOptions.placeholder("The height and vertical speed of a tracked point appear here."));
        add(hint, row, bar, chart);

        boolean tooLong = video.durationS() > PointTrackingService.MAX_DURATION_S;
        start.setEnabled(!tooLong);
        if (tooLong) state.setText("Point tracking here is for videos up to " + (int) PointTrackingService.MAX_DURATION_S + " s; trim the video first.");
        start.addClickListener(e -> {
            player.setPicking(true);
            cancel.setVisible(true);
            state.setText("Now click the point on the video.");
        });
        cancel.addClickListener(e -> { cancel.setVisible(false); state.setText(""); });
        player.addPickListener(e -> {
            if (!OverlayPlayer.PICK_POINT.equals(e.purpose())) return;
            player.setPicking(false);
            cancel.setVisible(false);
            start.setEnabled(false);
            bar.setValue(0);
            bar.setVisible(true);
            state.setText(String.format(Locale.ROOT, "Following the point picked at %.2f s…", e.t()));
            UI ui = UI.getCurrent();
            PointSpec spec = new PointSpec(e.x(), e.y(), e.t());
            CompletableFuture.supplyAsync(() -> tracking.track(video, spec, p -> ui.access(() -> bar.setValue(p))))
                    .whenComplete((path, error) -> ui.access(() -> {
                        bar.setVisible(false);
                        start.setEnabled(true);
                        if (error != null) {
                            state.setText("The point could not be followed: " + error.getMessage() + ". Pick a sharper, high-contrast spot.");
                            return;
                        }
                        show(path, player, chart, state, video);
                    }));
        });
    }

    private static void show(PointTrajectory path, OverlayPlayer player, EChart chart, Span state, Video video) {
        List<TrackedPoint> pts = path.points();
        int n = pts.size();
        double[] t = new double[n], height = new double[n], speed = new double[n];
        ObjectNode json = JSON.createObjectNode();
        ArrayNode jt = json.putArray("t"), jx = json.putArray("x"), jy = json.putArray("y");
        int seen = 0;
        for (int i = 0; i < n; i++) {
            TrackedPoint p = pts.get(i);
            t[i] = p.timeS();
            boolean ok = !p.occluded() && Double.isFinite(p.yPx());
            // Height above the bottom of the picture, so "up" on the chart is up in the video.
            height[i] = ok ? video.height() - p.yPx() : Double.NaN;
            jt.add(p.timeS());
            if (ok) { jx.add(p.xPx()); jy.add(p.yPx()); seen++; } else { jx.addNull(); jy.addNull(); }
        }
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - 1), b = Math.min(n - 1, i + 1);
            speed[i] = b > a && t[b] > t[a] ? (height[b] - height[a]) / (t[b] - t[a]) : Double.NaN;
        }
        player.setPath(json.toString());
        chart.setOption(ChartOptions.dualAxisTimeChart(new Curve("height (px)", t, height), "height (px)",
                new Curve("vertical speed (px/s)", t, speed), "speed (px/s)"));
        state.setText(String.format(Locale.ROOT, "Followed in %d of %d frames. The path is drawn on the video as it plays.", seen, n));
    }
}
