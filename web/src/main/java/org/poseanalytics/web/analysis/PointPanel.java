package org.poseanalytics.web.analysis;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.poseanalytics.kinematics.scale.Scale;
import org.poseanalytics.tracking.point.PointMotion;
import org.poseanalytics.tracking.point.PointSpec;
import org.poseanalytics.tracking.point.PointTrajectory;
import org.poseanalytics.tracking.point.TrackedPoint;
import org.poseanalytics.web.chart.ChartOptions;
import org.poseanalytics.web.chart.Curve;
import org.poseanalytics.web.chart.EChart;
import org.poseanalytics.web.video.Video;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * "Track a point": the user pauses on a clear frame and clicks the point (the end of a bar, a marker on the
 * knee); it is queued and followed through the video on the server ({@link PointTrackingRuns}), listed here with its
 * progress, also after a reload, and stored with the analysis (a failure stays listed with its reason).
 * Every stored point is drawn as a path on playback (switchable), listed with a button to remove it, and its
 * height and vertical speed are charted, the chart's cursor following the video like the angle chart's.
 */
class PointPanel extends VerticalLayout {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OverlayPlayer player;
    private final Video video;
    private final long analysisId;
    private final PointTrackingService tracking;
    private final EChart chart = new EChart();
    private final PointTrackingRuns runs;
    private final Div list = new Div();
    private final Div pending = new Div();
    private final Span state = new Span();
    private final Anchor csv;
    private final Scale scale;
    private final Runnable onChange;
    private List<TrackedPath> points = List.of();

    /**
     * @param scale    the analysis's: with one the chart is in metres above the point's first position and m/s
     * @param onChange told when a point was stored or removed (its velocity figures changed)
     */
    PointPanel(OverlayPlayer player, Video video, long analysisId, Scale scale, PointTrackingService tracking, PointTrackingRuns runs,
               Runnable onChange) {
        this.scale = scale;
        this.onChange = onChange;
        this.player = player;
        this.video = video;
        this.analysisId = analysisId;
        this.tracking = tracking;
        this.runs = runs;
        setPadding(false);
        setId("point-panel");
        boolean canEdit = tracking.canEdit();
        Span hint = new Span(canEdit
                ? "Follow any point, e.g. the end of a barbell: pause where it is clearly visible, press the button, then click it on the video."
                : "Points a clinician tracked on this video are drawn on it and charted here.");
        hint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Button start = new Button("Track a point…", VaadinIcon.CROSSHAIRS.create());
        start.setId("track-point");
        start.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        start.setVisible(canEdit);
        Button cancel = new Button("Cancel", e -> player.setPicking(false));
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        cancel.setVisible(false);
        Checkbox show = new Checkbox("Paths on the video", true, e -> player.showPaths(e.getValue()));
        show.setId("toggle-paths");
        pending.setId("point-progress");
        pending.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)").set("width", "100%");
        state.setId("point-state");
        HorizontalLayout row = new HorizontalLayout(start, cancel, show, state);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.getStyle().set("flex-wrap", "wrap");
        list.setId("point-list");
        list.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)");
        chart.setId("point-chart");
        chart.getElement().setAttribute("data-speed-unit", scale.speedUnit());
        chart.setHeight("240px");
        chart.followPlayer(player.getId().orElseThrow());
        csv = new Anchor(AnalysisView.exportHref(video.id(), "points.csv"), "Tracked points (CSV)");
        csv.setId("download-points-csv");
        csv.getElement().setAttribute("download", true);
        csv.getElement().getThemeList().add("badge");
        add(hint, row, pending, list, chart, csv);

        boolean tooLong = video.durationS() > PointTrackingService.MAX_DURATION_S;
        start.setEnabled(!tooLong);
        if (tooLong && canEdit) state.setText("Point tracking here is for videos up to " + (int) PointTrackingService.MAX_DURATION_S + " s; trim the video first.");
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
            runs.start(video, analysisId, new PointSpec(e.x(), e.y(), e.t()));
            state.setText(String.format(Locale.ROOT, "Following the point picked at %.2f s…", e.t()));
        });
        // Runs outlive the page: after a reload (or in another tab) the points still queued or being followed are
        // listed with their progress, a stored one appears with its path, a failed one stays with its reason.
        addAttachListener(attach -> {
            UI ui = attach.getUI();
            // Watching before reading: a point stored in between is then heard, not missed.
            Runnable stop = runs.watch(analysisId, run -> ui.access(() -> onRun(run)));
            addDetachListener(detach -> { stop.run(); detach.unregisterListener(); });
            refresh();
            showRuns(runs.of(analysisId));
        });
    }

    private void onRun(PointTrackingRuns.PointRun run) {
        if (run.state() == PointTrackingRuns.State.STORED) {
            refresh();
            PointTrajectory p = run.stored().trajectory();
            state.setText(String.format(Locale.ROOT, "Point %d: Followed in %d of %d frames. Its path is drawn on the video as it plays.",
                    run.stored().number(), p.framesSeen(), p.points().size()));
        } else if (run.state() == PointTrackingRuns.State.FAILED) {
            state.setText("The point picked at " + String.format(Locale.ROOT, "%.2f s", run.spec().timeS())
                    + " could not be followed: " + run.failure() + ". Pick a sharper, high-contrast spot.");
        }
        showRuns(runs.of(analysisId));
    }

    /** One row per point queued, being followed (with its progress) or failed (with its reason and a dismiss button). */
    private void showRuns(List<PointTrackingRuns.PointRun> now) {
        pending.removeAll();
        for (PointTrackingRuns.PointRun run : now) {
            String picked = String.format(Locale.ROOT, "picked at %.2f s", run.spec().timeS());
            Span text = new Span(switch (run.state()) {
                case QUEUED -> "Point " + picked + " · being tracked · waiting for the points before it";
                case RUNNING -> "Point " + picked + " · being tracked · " + Math.round(run.progress() * 100) + "%";
                case FAILED -> "Point " + picked + " · could not be followed: " + run.failure();
                case STORED -> "Point " + picked + " · stored";
            });
            text.getStyle().set("font-size", "var(--lumo-font-size-s)");
            Div row = new Div(text);
            row.addClassName("point-run");
            row.getElement().setAttribute("data-state", run.state().name().toLowerCase(Locale.ROOT));
            row.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)");
            if (run.state() == PointTrackingRuns.State.FAILED) {
                text.getStyle().set("color", "var(--lumo-error-text-color)");
                Button dismiss = new Button("Dismiss", e -> { runs.dismiss(run); showRuns(runs.of(analysisId)); });
                dismiss.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                row.add(dismiss);
            } else {
                ProgressBar bar = new ProgressBar(0, 1, run.progress());
                bar.setIndeterminate(run.state() == PointTrackingRuns.State.QUEUED);
                row.add(bar);
            }
            pending.add(row);
        }
    }

    /** Re-reads the stored points and redraws the list, the paths on the video and the chart. */
    private void refresh() {
        points = tracking.stored(analysisId);
        list.removeAll();
        for (int i = 0; i < points.size(); i++) list.add(row(points.get(i), color(i)));
        csv.setVisible(!points.isEmpty());
        ArrayNode paths = JSON.createArrayNode();
        List<Curve> heights = new ArrayList<>(), speeds = new ArrayList<>();
        List<String> colors = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            PointTrajectory p = points.get(i).trajectory();
            int n = p.points().size();
            double[] t = new double[n], height = new double[n], speed = new double[n];
            ObjectNode json = paths.addObject().put("id", p.pointId()).put("color", color(i));
            ArrayNode jt = json.putArray("t"), jx = json.putArray("x"), jy = json.putArray("y");
            for (int k = 0; k < n; k++) {
                TrackedPoint q = p.points().get(k);
                t[k] = q.timeS();
                // Height above the bottom of the picture, so "up" on the chart is up in the video.
                height[k] = q.occluded() ? Double.NaN : video.height() - q.yPx();
                jt.add(t[k]);
                // Stored as float32: written as floats, the JSON keeps their short form (18.3, not 18.299999237060547).
                if (q.occluded()) { jx.addNull(); jy.addNull(); } else { jx.add((float) q.xPx()); jy.add((float) q.yPx()); }
            }
            if (scale.known()) {
                // The filtered path in metres (PointMotion, as points.csv and the velocity figures use it): height above
                // the point's first position, upward velocity from the real timestamps.
                PointMotion m = PointMotion.of(p, scale.metresPerPx());
                for (int k = 0; k < n; k++) {
                    height[k] = m.gap()[k] ? Double.NaN : m.yM(k);
                    speed[k] = m.gap()[k] ? Double.NaN : m.vyMPerS(k);
                }
            } else {
                for (int k = 0; k < n; k++) {
                    int a = Math.max(0, k - 1), b = Math.min(n - 1, k + 1);
                    speed[k] = b > a && t[b] > t[a] ? (height[b] - height[a]) / (t[b] - t[a]) : Double.NaN;
                }
            }
            String len = scale.lengthUnit(), per = scale.speedUnit();
            heights.add(new Curve("point " + p.pointId() + " height (" + len + ")", t, height));
            speeds.add(new Curve("point " + p.pointId() + " vertical " + (scale.known() ? "velocity" : "speed") + " (" + per + ")", t, speed));
            colors.add(color(i));
        }
        player.setPaths(paths.toString());
        chart.setOption(points.isEmpty()
                ? ChartOptions.placeholder("The height and vertical speed of a tracked point appear here.")
                : ChartOptions.dualAxisTimeChart(heights, "height (" + scale.lengthUnit() + ")", speeds,
                        (scale.known() ? "velocity" : "speed") + " (" + scale.speedUnit() + ")", colors, colors));
        onChange.run();
    }

    private Div row(TrackedPath point, String color) {
        PointTrajectory p = point.trajectory();
        Span swatch = new Span();
        swatch.getStyle().set("display", "inline-block").set("width", "12px").set("height", "12px")
                .set("border-radius", "50%").set("background", color).set("flex", "none");
        Span text = new Span(String.format(Locale.ROOT, "Point %d · picked at %.2f s · followed in %d of %d frames%s",
                p.pointId(), p.spec().timeS(), p.framesSeen(), p.points().size(),
                point.createdBy() == null ? "" : " · by " + point.createdBy()));
        text.getStyle().set("font-size", "var(--lumo-font-size-s)");
        Div row = new Div(swatch, text);
        row.addClassName("tracked-point");
        row.getStyle().set("display", "flex").set("align-items", "center").set("gap", "var(--lumo-space-s)").set("flex-wrap", "wrap");
        if (tracking.canEdit()) {
            Button remove = new Button("Remove", VaadinIcon.TRASH.create(), e -> {
                tracking.remove(video, point);
                state.setText("Point " + p.pointId() + " removed.");
                refresh();
            });
            remove.setId("remove-point-" + p.pointId());
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            row.add(remove);
        }
        return row;
    }

    /** One colour per point, the same on the video and on the chart. */
    private static String color(int i) {
        List<String> palette = List.of("#ff4081", "#00b8d4", "#ffab00", "#7c4dff", "#64dd17", "#ff6d00");
        return palette.get(i % palette.size());
    }
}
