package org.poseanalytics.web.compare;

import org.poseanalytics.web.audit.AuditService;
import org.poseanalytics.kinematics.angle.AngleSeries;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.poseanalytics.web.analysis.OverlayPlayer;
import org.poseanalytics.web.analysis.PlayerData;
import org.poseanalytics.web.analysis.VideoAnalysis;
import org.poseanalytics.web.analysis.VideoAnalysisService;
import org.poseanalytics.web.chart.Band;
import org.poseanalytics.web.chart.ChartOptions;
import org.poseanalytics.web.chart.Curve;
import org.poseanalytics.web.chart.EChart;
import org.poseanalytics.web.ui.Ui;
import org.poseanalytics.web.video.PlaybackService;

/**
 * Two analysed videos side by side (one subject over time, or two subjects): the right one follows the left,
 * shifted so both reach the chosen event together; their curves of the same angle are overlaid on one time axis
 * that starts at that event.
 */
@Route("compare/:a/:b")
@PermitAll
public class CompareView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final VideoAnalysisService analyses;
    private final PlaybackService playback;
    private final AuditService audit;
    private VideoAnalysis left, right;
    private AlignAt align = AlignAt.FIRST_REP_START;

    public CompareView(VideoAnalysisService analyses, PlaybackService playback, AuditService audit) {
        this.analyses = analyses;
        this.audit = audit;
        this.playback = playback;
        setMaxWidth("1400px");
        getStyle().set("margin", "0 auto");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long a = Long.parseLong(event.getRouteParameters().get("a").orElseThrow());
        long b = Long.parseLong(event.getRouteParameters().get("b").orElseThrow());
        left = analyses.latest(a).orElse(null);
        right = analyses.latest(b).orElse(null);
        for (VideoAnalysis shown : java.util.stream.Stream.of(left, right).filter(java.util.Objects::nonNull).toList()) {
            audit.viewed(shown.session().subjectId(), shown.video().id(), "compare page of videos " + a + " and " + b);
        }
        render();
    }

    @Override
    public String getPageTitle() { return "Compare · Pose Analytics"; }

    private void render() {
        removeAll();
        H2 title = new H2("Side by side");
        title.setId("compare-title");
        if (left == null || right == null) {
            add(title, Ui.emptyState("Both videos need a finished analysis",
                    "Open each video's analysis page and wait until it is done, then compare again."));
            return;
        }
        Anchor back = new Anchor("analysis/" + left.video().id(), "← Analysis of " + left.session().subjectName() + ", " + left.session().date());
        Select<AlignAt> at = new Select<>();
        at.setLabel("Line the videos up at");
        at.setItems(AlignAt.values());
        at.setItemLabelGenerator(AlignAt::label);
        at.setValue(align);
        at.setId("align-at");
        at.setWidth("320px");
        at.addValueChangeListener(e -> { align = e.getValue(); render(); });
        add(back, title, at);

        double eventA = align.timeIn(left), eventB = align.timeIn(right);
        // Keypoints imported without a video (issue 18) have no player: their column says so and their curve stays on the
        // chart. The buttons drive the left player, else the right one; the right follows the left only when both play.
        OverlayPlayer a = player("compare-a", left), b = player("compare-b", right);
        if (a != null && b != null) b.getElement().executeJs("this.follow($0, $1, $2)", "compare-a", eventA, eventB);
        FlexLayout players = new FlexLayout(column(left, a, "compare-a-no-video"), column(right, b, "compare-b-no-video"));
        players.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        players.getStyle().set("gap", "var(--lumo-space-m)");
        players.setWidthFull();

        OverlayPlayer driver = a != null ? a : b;
        double driverEvent = a != null ? eventA : eventB;
        EChart chart = new EChart();
        chart.setId("compare-chart");
        List<Curve> curves = new ArrayList<>();
        curve(left, eventA).ifPresent(curves::add);
        curve(right, eventB).ifPresent(curves::add);
        List<Band> bands = left.repetitions().stream().map(r -> new Band("Rep " + r.index(), r.startS() - eventA, r.endS() - eventA)).toList();
        chart.setOption(ChartOptions.timeChart(curves, bands, "angle (°)", "time from " + align.label().toLowerCase(Locale.ROOT) + " (s)"));
        Span hint = new Span(a != null && b != null ? "The right video follows the left one. Click the chart to jump both there."
                : driver != null ? "Only one side has a video to play. Click the chart to jump it there." : "Neither side has a video: compare the curves.");
        hint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        if (driver == null) {
            add(players, chart, hint);
            return;
        }
        chart.followPlayer(driver.getId().orElseThrow());
        chart.setOffset(driverEvent);
        Button play = new Button(a != null && b != null ? "Play both" : "Play", VaadinIcon.PLAY.create(), e -> { driver.seek(driverEvent); driver.play(); });
        play.setId("play-both");
        play.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button pause = new Button("Pause", VaadinIcon.PAUSE.create(), e -> driver.pause());
        Button back1 = new Button(VaadinIcon.STEP_BACKWARD.create(), e -> driver.step(-1));
        Button fwd1 = new Button(VaadinIcon.STEP_FORWARD.create(), e -> driver.step(1));
        Select<Double> speed = new Select<>();
        speed.setItems(0.25, 0.5, 1.0);
        speed.setItemLabelGenerator(r -> (r == 1.0 ? "1" : r.toString().replace("0.", ".")) + "×");
        speed.setValue(0.5);
        speed.setWidth("90px");
        speed.addValueChangeListener(e -> driver.setRate(e.getValue()));
        driver.setRate(0.5);
        HorizontalLayout controls = new HorizontalLayout(play, pause, back1, fwd1, speed);
        controls.setAlignItems(FlexComponent.Alignment.CENTER);
        add(players, controls, chart, hint);
    }

    /** The side's player; null for keypoints imported without a video, which have nothing to play or fetch. */
    private OverlayPlayer player(String id, VideoAnalysis s) {
        if (!s.video().hasVideo()) return null;
        OverlayPlayer p = new OverlayPlayer(id);
        p.setHeight("380px");
        List<String> cols = s.signalColumn().map(AngleSeries::column).map(List::of).orElse(List.of());
        p.setData(PlayerData.of(s, cols));
        p.addWindowListener(e -> p.setData(PlayerData.of(s, cols, List.of(), e.t()))); // a long analysis, a window at a time
        if (playback.ready(s.video())) p.setSource("media/videos/" + s.video().id() + "/playable.mp4");
        else p.getElement().setAttribute("title", "Open this video's analysis page once to prepare it for the browser.");
        return p;
    }

    private Component column(VideoAnalysis s, OverlayPlayer p, String noVideoId) {
        H4 head = new H4(s.session().subjectName() + " · " + s.session().exercise().label() + " · " + s.session().date());
        head.getStyle().set("margin", "0");
        Span reps = new Span(s.repetitions().size() + " repetition(s) · " + s.video().originalName());
        reps.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Component shown = p;
        if (p == null) {
            Paragraph none = new Paragraph("No video: keypoints imported from “" + s.video().originalName() + "” ("
                    + s.analysis().model() + "). Their curve is on the chart below; there is nothing to play.");
            none.setId(noVideoId);
            shown = none;
        }
        VerticalLayout col = new VerticalLayout(head, reps, shown);
        col.setPadding(false);
        col.setSpacing(false);
        col.getStyle().set("flex", "1 1 420px").set("min-width", "300px");
        return col;
    }

    private static java.util.Optional<Curve> curve(VideoAnalysis s, double event) {
        return s.signalColumn().map(c -> {
            Curve raw = s.curve(c.column());
            double[] x = new double[raw.x().length];
            for (int i = 0; i < x.length; i++) x[i] = raw.x()[i] - event;
            return new Curve(s.session().date() + " · " + s.session().subjectName() + " · " + raw.name(), x, raw.y());
        });
    }
}
