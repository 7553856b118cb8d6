package org.poseanalytics.cli.analyze;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;
import org.poseanalytics.pose.pipeline.VideoPoseRunner.Progress;

/** A one-line progress bar on stderr: frames done / total, frames per second, time left. Redrawn at most 5×/s. */
public final class ProgressBar implements Consumer<Progress> {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private long lastDraw;
    private boolean drawn;

    public ProgressBar(PrintStream err) { this.err = err; }

    @Override
    public void accept(Progress p) {
        long now = System.nanoTime();
        boolean last = p.framesTotal() > 0 && p.framesDone() >= p.framesTotal();
        if (drawn && !last && now - lastDraw < 200_000_000L) return;
        lastDraw = now;
        drawn = true;
        double fps = p.framesPerS();
        String line;
        if (p.framesTotal() > 0) {
            double f = Math.min(1, (double) p.framesDone() / p.framesTotal());
            int filled = (int) Math.round(f * WIDTH);
            long eta = fps > 0 ? Math.round(Math.max(0, p.framesTotal() - p.framesDone()) / fps) : 0;
            line = String.format(Locale.ROOT, "\r[%s%s] %d/%d frames  %.1f fps  ETA %d:%02d ", "#".repeat(filled),
                    ".".repeat(WIDTH - filled), p.framesDone(), p.framesTotal(), fps, eta / 60, eta % 60);
        } else {
            line = String.format(Locale.ROOT, "\r%d frames  %.1f fps ", p.framesDone(), fps);
        }
        err.print(line);
        err.flush();
    }

    /** Ends the bar's line so later messages start on their own. */
    public void finish() {
        if (drawn) err.println();
    }
}
