package org.poseanalytics.web.video;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javax.imageio.ImageIO;

/**
 * The decoder process ({@link IsolatedDecoder} starts it with the app's own classpath): reads one
 * {@link DecodeProtocol.Request} from stdin, does it with {@link DecodeWork}, and answers on stdout. No Spring, no
 * database, no credentials: a file that crashes or exhausts it takes down only this process and that one upload.
 */
public final class DecoderWorker {
    private DecoderWorker() {}

    public static void main(String[] args) throws Exception {
        // Replies go to the real stdout only; anything a library prints (logging, JavaCPP's notes) goes to stderr.
        PrintStream replies = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        // The server's watchdog holds this worker's time limit: should the server die, stop too.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
        DecodeProtocol.Request request = DecodeProtocol.JSON.readValue(System.in.readAllBytes(), DecodeProtocol.Request.class);
        if (request.version() != DecodeProtocol.VERSION) {
            System.err.println("decoder worker speaks version " + DecodeProtocol.VERSION + ", asked in version " + request.version());
            System.exit(2);
        }
        Path video = request.video() == null ? null : Path.of(request.video()); // none for CALIBRATE
        DecodeProtocol.Reply reply;
        try {
            reply = switch (request.operation()) {
                case CHECK -> DecodeProtocol.Reply.done(DecodeWork.check(video, Path.of(request.output()), request.limits()), null);
                case FORMAT -> DecodeProtocol.Reply.done(null, DecodeWork.format(video));
                case BROWSER_COPY -> {
                    DecodeWork.browserCopy(video, request.rotationDeg(), request.durationS(), Path.of(request.output()),
                            f -> replies.println(DecodeProtocol.line(DecodeProtocol.Reply.progress(f))), () -> false);
                    yield DecodeProtocol.Reply.done(null, null);
                }
                case CALIBRATE -> {
                    var board = request.checkerboard();
                    yield DecodeProtocol.Reply.calibrated(DecodeWork.calibrate(board.videos().stream().map(Path::of).toList(),
                            board.cameraNames(), board.columns(), board.rows(), board.squareM(), request.limits()));
                }
                case FRAME -> {
                    var frame = DecodeWork.frameAt(video, request.timeS(), request.maxSide(), request.limits());
                    if (frame.isEmpty()) yield DecodeProtocol.Reply.frame(null);
                    // PNG: lossless, so the server's report compresses it once. Written into the file the server made (0600):
                    // ImageIO.write(File) would delete it and create a new one by the umask.
                    try (OutputStream out = Files.newOutputStream(Path.of(request.output()), StandardOpenOption.TRUNCATE_EXISTING,
                            StandardOpenOption.WRITE)) {
                        if (!ImageIO.write(frame.get().image(), "png", out)) throw new IOException("no PNG writer");
                    }
                    yield DecodeProtocol.Reply.frame(new DecodeProtocol.FrameSize(frame.get().sourceWidth(), frame.get().sourceHeight()));
                }
            };
        } catch (DecodeFailure e) {
            reply = DecodeProtocol.Reply.failed(e);
        } catch (IOException e) {
            reply = DecodeProtocol.Reply.failed(new DecodeFailure(DecodeFailure.Kind.RESOURCES, "the decoded frame could not be written"));
        }
        replies.println(DecodeProtocol.line(reply));
        replies.flush();
        // FFmpeg's and JavaCPP's native threads must not keep a finished worker alive.
        System.exit(0);
    }
}
