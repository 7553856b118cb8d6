package org.poseanalytics.web.analysis;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.function.SerializableFunction;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.poseanalytics.kinematics.angle.AngleSeries;
import org.poseanalytics.kinematics.pipeline.AnalysisOutputs;
import org.poseanalytics.kinematics.metric.MetricRecord;
import org.poseanalytics.kinematics.repetition.Repetition;
import org.poseanalytics.web.account.CurrentUser;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.audit.AuditService;
import org.poseanalytics.web.chart.ChartOptions;
import org.poseanalytics.web.chart.Curve;
import org.poseanalytics.web.chart.EChart;
import org.poseanalytics.web.ui.ScaleText;
import org.poseanalytics.web.ui.Ui;
import org.poseanalytics.web.video.BrowserCopy;
import org.poseanalytics.web.video.PlaybackService;
import org.poseanalytics.web.video.PlaybackState;
import org.poseanalytics.web.video.Video;
import org.poseanalytics.web.video.VideoService;

/**
 * A video's analysis: the video with the skeleton drawn over it, the angle chart whose cursor follows the video
 * (click the chart to jump there), repetitions as bands and as a table, session figures and the downloads.
 */
@Route("analysis")
@PermitAll
public class AnalysisView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {
    static final String PLAYER_ID = "analysis-player";

    private final VideoAnalysisService analyses;
    private final VideoService videos;
    private final PlaybackService playback;
    private final AnalysisJobs jobs;
    private final CompareCandidates candidates;
    private final PointTrackingService pointTracking;
    private final PointTrackingRuns pointRuns;
    private final JobProgressPush push;
    private final CurrentUser currentUser;
    private final ScaleLines scaleLines;
    private final KeypointCorrections corrections;
    private final TimelineNotes notes;
    private final FrameDrawings drawings;
    private final AuditService audit;
    private final boolean canEdit;
    private Video video;
    private VideoAnalysis analysis;
    private Anchor pdfLink;
    /** The player's time its data was last sent for: a long analysis goes to the player a window at a time. */
    private double playerAt;
    /** Corrected frames and notes, marked on the angle chart. */
    private List<org.poseanalytics.web.chart.Marker> correctionMarks = List.of();
    private java.util.function.Supplier<List<org.poseanalytics.web.chart.Marker>> noteMarks = List::of;

    public AnalysisView(VideoAnalysisService analyses, VideoService videos, PlaybackService playback,
                        AnalysisJobs jobs, CompareCandidates candidates, PointTrackingService pointTracking,
                        PointTrackingRuns pointRuns, JobProgressPush push, AuditService audit, CurrentUser currentUser,
                        ScaleLines scaleLines, KeypointCorrections corrections, TimelineNotes notes, FrameDrawings drawings) {
        this.analyses = analyses;
        this.drawings = drawings;
        this.notes = notes;
        this.corrections = corrections;
        this.scaleLines = scaleLines;
        this.audit = audit;
        this.push = push;
        this.currentUser = currentUser;
        this.pointTracking = pointTracking;
        this.pointRuns = pointRuns;
        this.candidates = candidates;
        this.jobs = jobs;
        this.canEdit = currentUser.has(Role.CLINICIAN);
        this.videos = videos;
        this.playback = playback;
        setMaxWidth("1280px");
        getStyle().set("margin", "0 auto");
    }

    @Override
    public void setParameter(BeforeEvent event, Long videoId) {
        video = videos.get(videoId);
        analysis = analyses.latest(videoId).orElse(null);
        audit.viewed(videos.subjectIdOf(video), videoId, "analysis page of video " + videoId);
        render();
    }

    @Override
    public String getPageTitle() {
        return analysis == null ? "Analysis · Pose Analytics"
                : "Analysis: " + analysis.session().subjectName() + ", " + analysis.session().date() + " · Pose Analytics";
    }

    private void render() {
        removeAll();
        Anchor back = new Anchor("sessions/" + video.sessionId(), "← Session");
        back.setId("back-to-session");
        add(back);
        if (analysis == null) {
            renderWaiting();
            return;
        }
        var s = analysis.session();
        H2 title = new H2(s.subjectName() + " · " + s.exercise().label() + " · " + s.date());
        title.setId("analysis-title");
        title.getStyle().set("margin", "0");
        Span sub = new Span(video.originalName() + " · " + analysis.repetitions().size() + " repetition(s) · model "
                + analysis.analysis().model() + (analysis.analysis().exercise() == null ? "" : " · template " + analysis.analysis().exercise()
                + (analysis.analysis().exerciseGuessed() ? " (guessed from the movement)" : "")));
        sub.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Anchor progress = new Anchor("subjects/" + s.subjectId() + "/progress", "Progress across sessions →");
        progress.setId("to-progress");
        Anchor share = new Anchor("subjects/" + s.subjectId() + "/share?video=" + video.id(), "Share this report →");
        share.setId("to-share");
        add(title, sub, new HorizontalLayout(progress, share, compareChooser()));
        // What the figures below must be read with (the video cut short, the subject in view for part of it).
        for (String note : analysis.analysis().notes()) {
            Paragraph p = new Paragraph("⚠ " + ScaleText.sentence(note));
            p.addClassName("analysis-note");
            add(p);
        }
        // A multi-camera recording: its cameras and how well they agree lead; the video below is the first camera's,
        // with the triangulated skeleton reprojected into it.
        Optional<MultiViewFacts> multiView = analyses.multiView(analysis.analysis().id());
        multiView.ifPresent(f -> add(new H3("Cameras"),
                new MultiViewPanel(f, analyses.multiViewSkeleton(analysis.analysis().id()), PLAYER_ID)));

        // Player and chart side by side on a laptop, stacked on a tablet in portrait.
        OverlayPlayer player = new OverlayPlayer(PLAYER_ID);
        EChart chart = new EChart();
        chart.setId("angle-chart");
        chart.followPlayer(PLAYER_ID);
        chart.setHeight("380px");
        List<String> shown = new ArrayList<>(analysis.defaultAngleColumns());
        playerAt = 0;
        player.addWindowListener(e -> {
            playerAt = e.t();
            player.setData(analyses.playerData(analysis, shown, playerAt));
        });
        // Other people seen in the video are drawn faintly (PlayerData), so the user can check the right person was analysed.
        Integer subjectTrack = analysis.analysis().subjectTrackId();
        List<TrackSeries> people = analyses.people(analysis);
        boolean othersSeen = people.stream().anyMatch(t -> subjectTrack == null || t.trackId() != subjectTrack);
        // A re-analysis started here (or anywhere) shows its progress here; its results replace these when complete.
        JobPanel job = new JobPanel(jobs, push, currentUser, video, this::onJobChange);
        job.setId("analysis-job");
        if (othersSeen) {
            add(new PersonChoice(video, analysis.analysis(), people, player, jobs, canEdit, job::show));
        }
        add(job);
        MultiSelectComboBox<AngleSeries> angles = angleChooser(shown, player, chart);

        Analysis shownAnalysis = analysis.analysis();
        ScalePanel scale = new ScalePanel(player, video, shownAnalysis.scale(), scaleLines, canEdit, source -> job.show(jobs.analyseAgain(
                video.id(), shownAnalysis.model(), shownAnalysis.exerciseGuessed() ? null : shownAnalysis.exercise(),
                shownAnalysis.subjectChosenByUser() ? shownAnalysis.subjectTrackId() : null, source)));
        BarVelocityPanel velocity = new BarVelocityPanel(analysis.metrics(), () -> analyses.metrics(shownAnalysis.id()));
        PointPanel points = new PointPanel(player, video, shownAnalysis.id(), shownAnalysis.scale(), pointTracking, pointRuns, velocity::refresh);
        VerticalLayout left = new VerticalLayout(player, controls(player), scale, points);
        if (!video.hasVideo()) {
            // Keypoints imported without a video (issue 18): the same figures, nothing to play or draw on.
            Paragraph none = new Paragraph("No video: these results come from keypoints imported from “" + video.originalName() + "” ("
                    + analysis.analysis().model() + "). The chart, repetitions and figures are those of the keypoints; there is no video to"
                    + " play or draw on. To see the skeleton on a video, upload the keypoints again attached to the video they were made from.");
            none.setId("no-video");
            left = new VerticalLayout(none);
        }
        // Keypoints are corrected in the picture: a triangulated analysis has no one picture to correct them in.
        if (video.hasVideo() && multiView.isEmpty() && analysis.subjectSeries() != null) {
            CorrectionPanel correcting = new CorrectionPanel(player, video, analysis, corrections, canEdit, this::showLatest);
            correctionMarks = correcting.markers();
            left.add(correcting);
        } else {
            correctionMarks = List.of();
        }
        left.setPadding(false);
        left.getStyle().set("flex", "1 1 460px").set("min-width", "320px");
        VerticalLayout right = new VerticalLayout(chart, angles);
        right.setPadding(false);
        right.getStyle().set("flex", "1 1 460px").set("min-width", "320px");
        FlexLayout top = new FlexLayout(left, right);
        top.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        top.getStyle().set("gap", "var(--lumo-space-l)");
        top.setWidthFull();
        add(top);
        noteMarks = List::of;
        if (video.hasVideo()) {
            prepareVideo(player);
            // a note changes the chart's markers only, not the player's data (a megabyte for a minute of video)
            NotesPanel notePanel = new NotesPanel(player, video, notes, canEdit, () -> showChart(shown, chart));
            noteMarks = notePanel::markers;
            showAngles(shown, player, chart);
            add(new H3("Notes on the timeline"), notePanel);
            add(new H3("Drawings on frames"), new DrawingsPanel(player, video, drawings, analysis.analysis().scale(), canEdit));
        } else {
            showAngles(shown, player, chart);
        }

        add(new H3("Repetitions"), repetitionTable());
        if (video.hasVideo()) add(new H3("Bar velocity per repetition"), velocity); // a point is followed on the video's frames
        add(new H3("Key figures"), new FiguresPanel(analysis));
        add(new H3("Downloads"), downloads(shown));
    }

    /** The video's analysis as it is stored now (after a correction: the recomputed one). */
    private void showLatest() {
        analyses.latest(video.id()).ifPresent(latest -> {
            analysis = latest;
            render();
        });
    }

    /** A job of this video that succeeded may have stored newer results than those shown: then they are shown. */
    private void onJobChange(JobProgress p) {
        if (p.state() != JobState.SUCCEEDED || analysis == null) return;
        if (analyses.latestId(video.id()).filter(id -> id != analysis.analysis().id()).isEmpty()) return;
        analyses.latest(video.id()).ifPresent(latest -> {
            analysis = latest;
            render();
        });
    }

    /** Another analysed video to see side by side: the same subject's visits first, then other subjects. */
    private Component compareChooser() {
        ComboBox<CompareCandidates.Candidate> other = new ComboBox<>();
        other.setPlaceholder("Compare side by side with…");
        // read when the list is first opened (most views never open it): up to 200 of the clinic's analysed videos
        long videoId = video.id(), subject = analysis.session().subjectId();
        var read = new java.util.concurrent.atomic.AtomicReference<List<CompareCandidates.Candidate>>();
        other.setItems(query -> {
            List<CompareCandidates.Candidate> all = read.updateAndGet(done -> done != null ? done : candidates.forVideo(videoId, subject));
            String filter = query.getFilter().orElse("").toLowerCase(Locale.ROOT);
            return all.stream().filter(c -> c.label().toLowerCase(Locale.ROOT).contains(filter))
                    .skip(query.getOffset()).limit(query.getLimit());
        });
        other.setItemLabelGenerator(CompareCandidates.Candidate::label);
        other.setWidth("min(100%, 420px)");
        other.setId("compare-with");
        other.addValueChangeListener(e -> {
            if (e.getValue() != null) UI.getCurrent().navigate("compare/" + video.id() + "/" + e.getValue().videoId());
        });
        return other;
    }

    private void renderWaiting() {
        H2 title = new H2("Analysis of “" + video.originalName() + "”");
        add(title);
        Optional<JobProgress> job = jobs.latest(video.id());
        if (job.isEmpty() || job.get().state() == JobState.FAILED || job.get().state() == JobState.CANCELLED) {
            String why = job.map(JobProgress::message).filter(m -> m != null && !m.isBlank()).orElse(Ui.orDash(video.statusMessage()));
            add(Ui.emptyState(job.isEmpty() ? "This video has not been analysed" : "The analysis of this video "
                            + (job.get().state() == JobState.CANCELLED ? "was cancelled" : "failed"),
                    (job.isEmpty() ? "" : why + ". ") + "Film one person fully in view, side-on for squats and lunges, then analyse again."));
            Button again = new Button("Analyse again", VaadinIcon.REFRESH.create(), e -> {
                jobs.analyseAgain(video.id(), null, null);
                render();
            });
            again.setId("analyse-again");
            again.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            again.setVisible(canEdit);
            add(again);
            return;
        }
        ProgressBar bar = new ProgressBar(0, 1, job.get().fraction());
        bar.setId("analysis-progress");
        Span state = new Span(job.get().describe());
        state.setId("analysis-state");
        add(Ui.emptyState("The analysis is under way",
                "Joint angles, repetitions and the skeleton overlay appear here when it is done; this page updates by itself. "
                        + "You can leave and come back."), state, bar);
        // The result is written by a background job, maybe on another node; its progress is pushed here until it ends.
        push.follow(state, video.id(), job.get(), now -> {
            if (now.state().active()) {
                bar.setValue(now.fraction());
                state.setText(now.describe());
                return;
            }
            analysis = analyses.latest(video.id()).orElse(null);
            render();
        });
    }

    /**
     * Plays the upload when browsers can; else the copy made once in the background (PlaybackService), showing how far
     * it is, read every second until it is ready. The page never converts.
     */
    private void prepareVideo(OverlayPlayer player) {
        String url = "media/videos/" + video.id() + "/playable.mp4";
        if (playback.ready(video)) {
            player.setSource(url);
            return;
        }
        ProgressBar bar = new ProgressBar(0, 1);
        bar.setId("video-conversion");
        Span label = new Span();
        label.setId("video-conversion-reason");
        Div box = new Div(label, bar);
        addComponentAtIndex(4, box);
        Video v = video;
        Runnable show = () -> {
            BrowserCopy copy = playback.copy(v);
            label.setText(copy.describe());
            bar.setValue(copy.fraction());
            bar.setVisible(copy.state() != PlaybackState.FAILED);
        };
        show.run();
        UI ui = UI.getCurrent();
        int before = ui.getPollInterval();
        ui.setPollInterval(1000);
        Registration[] poll = new Registration[1];
        poll[0] = ui.addPollListener(e -> {
            if (playback.ready(v)) {
                remove(box);
                player.setSource(url);
            } else {
                show.run();
                if (playback.copy(v).state() != PlaybackState.FAILED) return;
            }
            poll[0].remove();
            ui.setPollInterval(before);
        });
        addDetachListener(e -> { poll[0].remove(); ui.setPollInterval(before); });
    }

    private Component controls(OverlayPlayer player) {
        Button back = new Button(VaadinIcon.STEP_BACKWARD.create(), e -> player.step(-1));
        back.setId("frame-back");
        back.setTooltipText("One frame back");
        Button play = new Button("Play", VaadinIcon.PLAY.create(), e -> player.play());
        play.setId("play");
        Button pause = new Button("Pause", VaadinIcon.PAUSE.create(), e -> player.pause());
        Button fwd = new Button(VaadinIcon.STEP_FORWARD.create(), e -> player.step(1));
        fwd.setId("frame-forward");
        fwd.setTooltipText("One frame forward");
        Select<Double> speed = new Select<>();
        speed.setItems(0.25, 0.5, 1.0);
        speed.setItemLabelGenerator(r -> (r == 1.0 ? "1" : r.toString().replace("0.", ".")) + "×");
        speed.setValue(1.0);
        speed.setWidth("90px");
        speed.setAriaLabel("Playback speed");
        speed.addValueChangeListener(e -> player.setRate(e.getValue()));
        speed.setId("speed");
        Checkbox skeleton = new Checkbox("Skeleton", true, e -> player.showSkeleton(e.getValue()));
        skeleton.setId("toggle-skeleton");
        Checkbox labels = new Checkbox("Angles", true, e -> player.showAngles(e.getValue()));
        for (Button b : List.of(back, play, pause, fwd)) b.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        HorizontalLayout bar = new HorizontalLayout(back, play, pause, fwd, speed, skeleton, labels);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.getStyle().set("flex-wrap", "wrap");
        return bar;
    }

    private MultiSelectComboBox<AngleSeries> angleChooser(List<String> shown, OverlayPlayer player, EChart chart) {
        MultiSelectComboBox<AngleSeries> group = new MultiSelectComboBox<>("Angles on the chart and the video");
        group.setWidthFull();
        group.setAutoExpand(MultiSelectComboBox.AutoExpandMode.BOTH);
        group.setItems(analysis.angles().series());
        group.setItemLabelGenerator(VideoAnalysis::label);
        group.setHelperText("A wide pale band behind a curve marks samples of low quality; a gap, frames with no measurement. "
                + "The key figures below say why.");
        group.setValue(new java.util.HashSet<>(analysis.angles().series().stream().filter(c -> shown.contains(c.column())).toList()));
        group.addValueChangeListener(e -> {
            shown.clear();
            analysis.angles().series().stream().filter(e.getValue()::contains).forEach(c -> shown.add(c.column()));
            showAngles(shown, player, chart);
            followShownAngles(shown);
        });
        group.setId("angle-chooser");
        return group;
    }

    private void showAngles(List<String> columns, OverlayPlayer player, EChart chart) {
        showChart(columns, chart);
        if (video.hasVideo()) player.setData(analyses.playerData(analysis, columns, playerAt)); // keypoints alone: no player shown
    }

    private void showChart(List<String> columns, EChart chart) {
        List<Curve> curves = columns.stream().map(analysis::curve).toList();
        if (!curves.isEmpty() && curves.stream().noneMatch(Curve::measured)) {
            // an empty plot would look like a fault; say why there is nothing to draw
            chart.setOption(ChartOptions.placeholder(curves.stream().map(Curve::name)
                    .collect(Collectors.joining(", ")) + ": not measured in any frame of this video. The key figures below say why."));
            return;
        }
        chart.setOption(ChartOptions.timeChart(curves, analysis.repetitionBands(),
                java.util.stream.Stream.concat(correctionMarks.stream(), noteMarks.get().stream()).toList(),
                "angle (°)", "time (s) — click to jump the video there"));
    }

    private Component repetitionTable() {
        List<Repetition> reps = analysis.repetitions();
        if (reps.isEmpty() && "gait".equals(analysis.analysis().exercise())) {
            // a walk is counted in steps: the message for a squat that never returned to rest would send them looking
            return Ui.emptyState("Steps, not repetitions", "A walk is measured in steps: cadence, step and stance times are "
                    + "under Key figures below.");
        }
        if (reps.isEmpty()) {
            return Ui.emptyState("No repetitions found", "The movement did not return to rest often enough to count repetitions. "
                    + "Check the session's exercise, or film the whole movement from the side.");
        }
        Grid<Repetition> grid = new Grid<>();
        grid.setId("repetitions");
        grid.addColumn(Repetition::index).setHeader("Rep").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> fmt(r.startS(), 2) + "–" + fmt(r.endS(), 2) + " s").setHeader("Time");
        // The counting angle's figures of the repetition say how far its ROM and peak can be trusted.
        Map<Integer, MetricRecord> rated = analysis.repetitionAngleFigures();
        SerializableFunction<Repetition, String> why = r -> rated.containsKey(r.index()) ? rated.get(r.index()).note() : "";
        grid.addColumn(r -> VideoAnalysis.repetitionAngle(rated.get(r.index()), r.romDeg(), "deg")).setHeader("ROM").setTooltipGenerator(why);
        grid.addColumn(r -> VideoAnalysis.repetitionAngle(rated.get(r.index()), r.peakDeg(), "deg")).setHeader("Peak").setTooltipGenerator(why);
        grid.addColumn(r -> fmt(r.eccentricS(), 2) + " / " + fmt(r.holdS(), 2) + " / " + fmt(r.concentricS(), 2) + " s")
                .setHeader("Tempo down / hold / up");
        grid.addColumn(r -> analysis.repetitionMetric(r.index(), "symmetry").map(org.poseanalytics.web.ui.FigureText::value).orElse("—"))
                .setHeader("Symmetry");
        grid.addColumn(r -> r.complete() ? "✓" : "Incomplete: " + r.note()).setHeader("Complete");
        grid.setItems(reps);
        Ui.fitRows(grid, reps.size()); // an hour of squats is 800 repetitions
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        if (video.hasVideo()) grid.addItemClickListener(e -> UI.getCurrent().getPage().executeJs(
                "document.getElementById($0).seek($1)", PLAYER_ID, e.getItem().startS()));
        Span hint = new Span(video.hasVideo() ? "Click a repetition to play it from its start." : "");
        hint.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        VerticalLayout box = new VerticalLayout(grid, hint);
        box.setPadding(false);
        return box;
    }

    /**
     * Links to the report package's export endpoints (report.ReportController): URLs, not types, so the report sits
     * above this page. The PDF link carries the angles shown, in their order, and follows the chooser.
     */
    private Component downloads(List<String> shown) {
        Anchor csv = download("Angles (CSV)", "download-angles-csv", "angles.csv");
        Anchor metrics = download("Metrics (CSV)", "download-metrics-csv", "metrics.csv");
        pdfLink = download("Session report (PDF)", "download-pdf", "report.pdf");
        followShownAngles(shown);
        Span note = new Span("Downloads are recorded in the clinic's audit log. OpenSim markers are in metres from the analysis's scale when it"
                + " has one, else in millimetres from the model's 3D landmarks when it has them, else image pixels scaled to an assumed height of "
                + AnalysisOutputs.DEFAULT_SUBJECT_HEIGHT_M + " m.");
        note.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        Anchor mot = download("OpenSim angles (.mot)", "download-mot", "angles.mot");
        Anchor trc = download("OpenSim markers (.trc)", "download-trc", "markers.trc");
        HorizontalLayout row = new HorizontalLayout(pdfLink, csv, metrics, mot, trc);
        row.getStyle().set("flex-wrap", "wrap");
        VerticalLayout box = new VerticalLayout(row, note);
        box.setPadding(false);
        return box;
    }

    private void followShownAngles(List<String> shown) {
        if (pdfLink == null) return;
        String query = shown.stream().map(c -> "angles=" + URLEncoder.encode(c, StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        pdfLink.setHref(exportHref(video.id(), "report.pdf") + (query.isEmpty() ? "" : "?" + query));
    }

    /** Where the report package serves a video's export {@code name} (report.ReportController.PATH). */
    static String exportHref(long videoId, String name) {
        return "api/videos/" + videoId + "/exports/" + name;
    }

    private Anchor download(String text, String id, String name) {
        Anchor a = new Anchor(exportHref(video.id(), name), text);
        a.setId(id);
        a.getElement().setAttribute("download", true);
        a.getElement().getThemeList().add("badge");
        a.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("font-size", "var(--lumo-font-size-m)");
        return a;
    }

    static String unit(String u) { return "deg".equals(u) ? "°" : u; }

    static String fmt(double v, int digits) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "f", v) : "—";
    }

    Optional<VideoAnalysis> current() { return Optional.ofNullable(analysis); }
}
