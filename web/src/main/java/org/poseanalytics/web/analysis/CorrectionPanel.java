package org.poseanalytics.web.analysis;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.poseanalytics.kinematics.correction.KeypointCorrection;
import org.poseanalytics.tracking.series.KeypointSeries;
import org.poseanalytics.web.UserInputException;
import org.poseanalytics.web.chart.Marker;
import org.poseanalytics.web.ui.Ui;
import org.poseanalytics.web.video.Video;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Correcting the analysed person's keypoints on the video: with "Correct keypoints…" on, a clinician pauses on a frame
 * and drags a keypoint to where it belongs, or clicks it and marks it not visible; the correction reaches the window
 * set here (± frames, blended back into the model's output), and the page shows the numbers recomputed from the
 * corrected series ({@link KeypointCorrections}). Corrected frames are ringed on the video, ticked above it and marked
 * on the angle chart; the list jumps to each and removes it. Viewers see the list and the marks only.
 */
class CorrectionPanel extends VerticalLayout {
    static final String COLOR = "#ff922b";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OverlayPlayer player;
    private final Video video;
    private final VideoAnalysis analysis;
    private final KeypointCorrections corrections;
    private final Runnable reload;
    private final KeypointCorrections.State state;
    private final Span status = new Span();
    private final IntegerField window = new IntegerField("Reaches ± frames");
    private final Button toggle = new Button("Correct keypoints…", VaadinIcon.HAND.create());
    private final Button hide = new Button("Not visible here", VaadinIcon.EYE_SLASH.create());
    private boolean correcting;
    /** The keypoint last clicked without a drag: [frame, landmark]. */
    private long[] selected;

    /** @param reload shows the video's analysis again (the corrected one, or the model's when no correction is left) */
    CorrectionPanel(OverlayPlayer player, Video video, VideoAnalysis analysis, KeypointCorrections corrections, boolean canEdit,
                    Runnable reload) {
        this.player = player;
        this.video = video;
        this.analysis = analysis;
        this.corrections = corrections;
        this.reload = reload;
        this.state = corrections.state(analysis.analysis().id());
        setPadding(false);
        setSpacing(false);
        setId("correction-panel");
        status.setId("correction-state");
        status.getStyle().set("font-size", "var(--lumo-font-size-s)");
        if (state.corrected()) status.getStyle().set("color", COLOR).set("font-weight", "600");
        status.setText(state.corrected() ? state.describe() : "Keypoints as the model found them (not corrected).");
        add(status);

        window.setId("correction-window");
        window.setMin(0);
        window.setMax(KeypointCorrection.MAX_WINDOW);
        window.setValue(5);
        window.setStepButtonsVisible(true);
        window.setWidth("10em");
        window.setHelperText("blended back into the model's output");
        toggle.setId("correct-keypoints");
        toggle.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        hide.setId("mark-not-visible");
        hide.addThemeVariants(ButtonVariant.LUMO_SMALL);
        hide.setEnabled(false);
        HorizontalLayout tools = new HorizontalLayout(toggle, window, hide);
        tools.setAlignItems(FlexComponent.Alignment.BASELINE);
        tools.getStyle().set("flex-wrap", "wrap");
        tools.setVisible(canEdit);
        window.setVisible(false);
        hide.setVisible(false);
        add(tools);
        toggle.addClickListener(e -> setCorrecting(!correcting));
        player.addKeypointPickListener(e -> {
            if (!correcting) return;
            if (!e.moved()) {
                selected = new long[] {e.frame(), e.landmark()};
                hide.setEnabled(true);
                status.setText("Selected: " + name(e.landmark()) + " on frame " + e.frame() + ". Drag it to move it, or mark it not visible.");
                return;
            }
            apply(e.frame(), e.landmark(), e.x(), e.y());
        });
        hide.addClickListener(e -> {
            if (selected != null) apply(selected[0], (int) selected[1], null, null);
        });
        if (!state.corrections().isEmpty()) add(list(canEdit));
        player.setCorrections(marksJson());
    }

    private void setCorrecting(boolean on) {
        correcting = on;
        player.setPicking(on, OverlayPlayer.PICK_CORRECT);
        toggle.setText(on ? "Done correcting" : "Correct keypoints…");
        window.setVisible(on);
        hide.setVisible(on);
        if (on) status.setText("Pause on a frame, then drag a keypoint of the person to where it belongs, or click it and mark it not visible.");
    }

    private void apply(long frame, int landmark, Double x, Double y) {
        int w = window.getValue() == null ? 0 : window.getValue();
        try {
            corrections.correct(video, analysis.analysis().id(), frame, landmark, x, y, w);
            Ui.success(name(landmark) + (x == null ? " marked not visible" : " moved") + " on frame " + frame + " (±" + w
                    + " frames); the numbers are recomputed.");
            reload.run();
        } catch (UserInputException ex) {
            Ui.error(ex.getMessage());
        }
    }

    private Grid<KeypointCorrections.Stored> list(boolean canEdit) {
        Grid<KeypointCorrections.Stored> grid = new Grid<>();
        grid.setId("corrections");
        grid.addColumn(s -> s.correction().frame() + " (" + AnalysisView.fmt(time(s.correction().frame()), 2) + " s)").setHeader("Frame");
        grid.addColumn(s -> name(s.correction().landmark())).setHeader("Keypoint");
        grid.addColumn(s -> s.correction().notVisible() ? "not visible"
                : String.format(Locale.ROOT, "moved to (%.0f, %.0f) px", s.correction().x(), s.correction().y())).setHeader("Correction");
        grid.addColumn(s -> "±" + s.correction().windowFrames()).setHeader("Reach").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> Ui.orDash(s.createdBy())).setHeader("By");
        if (canEdit) grid.addComponentColumn(s -> {
            Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
                corrections.remove(video, analysis.analysis().id(), s.id());
                Ui.success("Correction removed; the numbers are recomputed.");
                reload.run();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            remove.setAriaLabel("Remove this correction");
            remove.addClassName("remove-correction");
            return remove;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(state.corrections());
        Ui.fitRows(grid, state.corrections().size());
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addItemClickListener(e -> UI.getCurrent().getPage().executeJs("document.getElementById($0).seek($1)", player.getId().orElseThrow(),
                time(e.getItem().correction().frame()) + 0.001));
        return grid;
    }

    /** The corrections on the angle chart: a line at each corrected frame, its window as a faint span. */
    List<Marker> markers() {
        List<Marker> out = new ArrayList<>();
        for (KeypointCorrections.Stored s : state.corrections()) {
            KeypointCorrection c = s.correction();
            out.add(new Marker("✎ " + name(c.landmark()), time(c.frame()), time(c.frame() - c.windowFrames()),
                    time(c.frame() + c.windowFrames()), COLOR));
        }
        return out;
    }

    private String marksJson() {
        ArrayNode a = JSON.createArrayNode();
        KeypointSeries kp = analysis.subjectSeries();
        for (KeypointCorrections.Stored s : state.corrections()) {
            KeypointCorrection c = s.correction();
            var o = a.addObject().put("frame", c.frame()).put("landmark", c.landmark()).put("hidden", c.notVisible())
                    .put("t", time(c.frame())).put("from", time(c.frame() - c.windowFrames())).put("to", time(c.frame() + c.windowFrames()));
            // Where the model had it: a hidden keypoint is marked with a cross there.
            int i = kp == null ? -1 : kp.indexOfFrame(c.frame());
            if (c.notVisible() && i >= 0 && Double.isFinite(modelX(c, i))) o.put("x0", modelX(c, i)).put("y0", modelY(c, i));
        }
        return a.toString();
    }

    private double modelX(KeypointCorrection c, int i) { return analysis.subjectSeries().x().get(c.landmark(), i); }

    private double modelY(KeypointCorrection c, int i) { return analysis.subjectSeries().y().get(c.landmark(), i); }

    /** The time of a frame by the analysed frames' timestamps (nearest one; frames before or after by the frame rate). */
    private double time(long frame) {
        KeypointSeries kp = analysis.subjectSeries();
        if (kp == null || kp.length() == 0) return frame / Math.max(1.0, video.nominalFps());
        long[] f = kp.frames();
        int k = java.util.Arrays.binarySearch(f, frame);
        if (k >= 0) return kp.timesS()[k];
        int at = Math.max(0, Math.min(f.length - 1, -k - 1));
        return kp.timesS()[at] + (frame - f[at]) / Math.max(1.0, video.nominalFps());
    }

    private String name(int landmark) {
        List<String> names = analysis.analysis().landmarks();
        return landmark >= 0 && landmark < names.size() ? names.get(landmark).replace('_', ' ') : "keypoint " + landmark;
    }
}
