package org.poseanalytics.web.video;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.jar.JarFile;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.poseanalytics.pose.video.VideoLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes each upload in a {@link DecoderWorker} process of its own ({@code pose.decode.isolation=process}, the
 * default): a child JVM with the app's classpath and no Spring, database or credentials, whose heap, direct memory and
 * (with {@code prlimit}) whole address space are capped, that runs at a lower CPU priority with few threads, without a
 * network where user namespaces allow ({@code unshare -rn}), and is killed past a wall-clock timeout. A file that
 * exhausts or crashes it fails its own upload with a clear message; the server and every other user go on.
 */
final class IsolatedDecoder implements Decoder {
    private static final Logger log = LoggerFactory.getLogger(IsolatedDecoder.class);
    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    /** The limits one decoder process runs within. */
    record Limits(String heap, long addressSpaceBytes, int threads, Duration checkTimeout, Duration conversionTimeout) {}

    private final Limits limits;
    private final List<String> command;
    /**
     * Checks, formats and key frames run a few at a time: a clinic uploading a morning's videos at once would otherwise
     * start a decoder JVM per file on the same cores (and heaps), and every one of them would run past its timeout. The
     * wait for a turn is not counted against the timeout, which starts with the process.
     */
    private final Semaphore shortTurns;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger peakRunning = new AtomicInteger();

    IsolatedDecoder(Limits limits) { this(limits, Runtime.getRuntime().availableProcessors()); }

    IsolatedDecoder(Limits limits, int concurrentChecks) {
        this.limits = limits;
        this.command = command(limits);
        this.shortTurns = new Semaphore(Math.max(1, concurrentChecks), true);
        log.info("Uploads are decoded in separate processes: {} heap, {} address space, {} threads, {} network; check timeout {}, "
                        + "conversion timeout {}", limits.heap(), command.contains("prlimit") ? Video.humanSize(limits.addressSpaceBytes()) : "unlimited (no prlimit)",
                limits.threads(), command.contains("unshare") ? "no" : "the host's (user namespaces unavailable; FFmpeg reads files only)",
                limits.checkTimeout(), limits.conversionTimeout());
    }

    @Override
    public Checked check(Path video, Path thumbnail, VideoLimits videoLimits) throws DecodeFailure {
        var request = new DecodeProtocol.Request(DecodeProtocol.VERSION, DecodeProtocol.Operation.CHECK, video.toString(),
                thumbnail.toString(), videoLimits, 0, 0, 0, 0, null);
        return inTurn(request).checked();
    }

    @Override
    public StreamFormat format(Path video) throws DecodeFailure {
        var request = new DecodeProtocol.Request(DecodeProtocol.VERSION, DecodeProtocol.Operation.FORMAT, video.toString(),
                null, null, 0, 0, 0, 0, null);
        return inTurn(request).format();
    }

    @Override
    public void browserCopy(Path video, int rotationDeg, double durationS, Path target, DoubleConsumer progress,
                            BooleanSupplier cancelled) throws DecodeFailure {
        var request = new DecodeProtocol.Request(DecodeProtocol.VERSION, DecodeProtocol.Operation.BROWSER_COPY, video.toString(),
                target.toString(), null, rotationDeg, durationS, 0, 0, null);
        try {
            run(request, limits.conversionTimeout(), progress, cancelled);
        } finally {
            // BrowserProxy writes through this temp file; a killed worker leaves it behind.
            deleteQuietly(target.resolveSibling(target.getFileName() + ".part.mp4"));
        }
    }

    /**
     * The worker writes the frame as PNG into a 0600 temp file made here and says the source size; the picture is read
     * back (at most {@code maxSide} pixels a side, so a bounded size) and the file deleted. The check timeout applies.
     */
    @Override
    public Optional<Frame> frameAt(Path video, double timeS, int maxSide, VideoLimits videoLimits) throws DecodeFailure {
        Path png = null;
        try {
            png = Files.createTempFile("pose-frame-", ".png");
            var request = new DecodeProtocol.Request(DecodeProtocol.VERSION, DecodeProtocol.Operation.FRAME, video.toString(),
                    png.toString(), videoLimits, 0, 0, timeS, maxSide, null);
            DecodeProtocol.FrameSize size = inTurn(request).frame();
            if (size == null) return Optional.empty();
            return Optional.of(new Frame(readPng(png, maxSide), size.sourceWidth(), size.sourceHeight()));
        } catch (DecodeFailure e) {
            throw e;
        } catch (IOException e) {
            throw new DecodeFailure(DecodeFailure.Kind.RESOURCES, "the decoded frame could not be read back", e);
        } finally {
            deleteQuietly(png);
        }
    }

    /** Decoding every frame of each camera's video: the conversion timeout applies. */
    @Override
    public Calibrated calibrate(List<Path> videos, List<String> cameraNames, int columns, int rows, double squareM,
                                VideoLimits videoLimits) throws DecodeFailure {
        var board = new DecodeProtocol.Checkerboard(videos.stream().map(Path::toString).toList(), cameraNames, columns, rows, squareM);
        var request = new DecodeProtocol.Request(DecodeProtocol.VERSION, DecodeProtocol.Operation.CALIBRATE, null, null,
                videoLimits, 0, 0, 0, 0, board);
        return run(request, limits.conversionTimeout(), f -> {}, () -> false).calibrated();
    }

    /**
     * The worker's PNG, its size checked from its header before its pixels are read: should a worker ever be subverted
     * by the file it decoded, its picture still cannot make the server allocate more than {@code maxSide}² pixels.
     */
    static BufferedImage readPng(Path png, int maxSide) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            var readers = ImageIO.getImageReadersByFormatName("png");
            if (in == null || !readers.hasNext()) throw new IOException("no PNG reader");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if (reader.getWidth(0) > maxSide || reader.getHeight(0) > maxSide) {
                    throw new DecodeFailure(DecodeFailure.Kind.RESOURCES, "the decoder's picture of the frame is larger than asked");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    /** A short operation (check timeout), once one of the {@link #shortTurns} is free. */
    private DecodeProtocol.Reply inTurn(DecodeProtocol.Request request) throws DecodeFailure {
        try {
            shortTurns.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DecodeFailure(DecodeFailure.Kind.CANCELLED, "interrupted while waiting for the decoder");
        }
        try {
            return run(request, limits.checkTimeout(), f -> {}, () -> false);
        } finally {
            shortTurns.release();
        }
    }

    /** The most decoder processes seen running at once (for tests of the turns). */
    int peakRunning() { return peakRunning.get(); }

    private DecodeProtocol.Reply run(DecodeProtocol.Request request, Duration timeout, DoubleConsumer progress,
                                     BooleanSupplier cancelled) throws DecodeFailure {
        peakRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            return runProcess(request, timeout, progress, cancelled);
        } finally {
            running.decrementAndGet();
        }
    }

    private DecodeProtocol.Reply runProcess(DecodeProtocol.Request request, Duration timeout, DoubleConsumer progress,
                                            BooleanSupplier cancelled) throws DecodeFailure {
        Path errors = null;
        Process process = null;
        try {
            errors = Files.createTempFile("pose-decoder-", ".log");
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(errors.toFile());
            // glibc gives every thread its own 64 MB malloc arena; under an address-space cap that is memory lost.
            pb.environment().put("MALLOC_ARENA_MAX", "2");
            process = pb.start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(DecodeProtocol.JSON.writeValueAsBytes(request));
            }
            AtomicReference<DecodeProtocol.Reply> last = new AtomicReference<>();
            Process p = process;
            Thread reader = Thread.ofVirtual().start(() -> readReplies(p, progress, last));
            long deadline = System.nanoTime() + timeout.toNanos();
            boolean timedOut = false, stopped = false;
            while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
                if (cancelled.getAsBoolean()) stopped = true;
                else if (System.nanoTime() > deadline) timedOut = true;
                else continue;
                kill(process);
                break;
            }
            process.waitFor();
            reader.join(Duration.ofSeconds(5));
            DecodeProtocol.Reply reply = last.get();
            if (stopped) throw new DecodeFailure(DecodeFailure.Kind.CANCELLED, "the conversion was stopped");
            if (timedOut) {
                throw new DecodeFailure(DecodeFailure.Kind.TIMED_OUT, "decoding it took longer than the " + words(timeout)
                        + " allowed");
            }
            if (reply == null || !reply.done()) {
                log.warn("Decoder process for {} ended with exit code {} and no reply; its last words: {}", request.operation(),
                        process.exitValue(), tail(errors));
                throw new DecodeFailure(DecodeFailure.Kind.RESOURCES, "decoding it needed more memory than a video is allowed,"
                        + " or made the decoder fail (exit code " + process.exitValue() + ")");
            }
            if (reply.failure() != null) throw new DecodeFailure(reply.failure().kind(), reply.failure().message());
            return reply;
        } catch (IOException e) {
            if (e instanceof DecodeFailure d) throw d;
            throw new DecodeFailure(DecodeFailure.Kind.RESOURCES, "the decoder could not be started (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DecodeFailure(DecodeFailure.Kind.CANCELLED, "interrupted");
        } finally {
            if (process != null && process.isAlive()) kill(process);
            deleteQuietly(errors);
        }
    }

    private static void readReplies(Process process, DoubleConsumer progress, AtomicReference<DecodeProtocol.Reply> last) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (!line.startsWith(DecodeProtocol.PREFIX)) continue;
                DecodeProtocol.Reply reply = DecodeProtocol.JSON.readValue(line.substring(DecodeProtocol.PREFIX.length()),
                        DecodeProtocol.Reply.class);
                if (reply.version() != DecodeProtocol.VERSION) continue;
                if (reply.done()) last.set(reply);
                else if (reply.progress() != null) progress.accept(reply.progress());
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Reading the decoder's replies: {}", e.getMessage());
        }
    }

    static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The worker's command line: {@code prlimit} caps the address space (every allocation, FFmpeg's included; the JVM
     * reserves address space beyond its heap, hence the small code cache and class space), {@code unshare -rn} gives it
     * a network namespace of its own with no interface but loopback, {@code nice} puts it behind the server for the CPU.
     * Each wrapper is used only where it works on this host.
     */
    static List<String> command(Limits limits) {
        return command(limits.heap(), limits.addressSpaceBytes(), limits.threads(), false, DecoderWorker.class);
    }

    /**
     * A child JVM running {@code main} within these limits. {@code optimise}: the full JIT, for a child that runs long
     * enough to profit (the pose model's pre- and post-processing); a short probe starts faster with the quick compiler
     * only. The system properties a library reads to find its files ({@code pose.*}, {@code ai.djl.*}, the home and
     * temporary folders) are passed on: inside {@code unshare -r} the child is "root" and would otherwise look in
     * root's home.
     */
    static List<String> command(String heap, long addressSpaceBytes, int threads, boolean optimise, Class<?> main) {
        List<String> cmd = new ArrayList<>();
        if (works("prlimit", "--as=" + addressSpaceBytes, "true")) {
            cmd.addAll(List.of("prlimit", "--as=" + addressSpaceBytes, "--core=0", "--"));
        }
        if (works("unshare", "-rn", "true")) cmd.addAll(List.of("unshare", "-rn", "--"));
        if (works("nice", "-n", "10", "true")) cmd.addAll(List.of("nice", "-n", "10"));
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of("-Xmx" + heap, "-Xss1m", "-XX:MaxDirectMemorySize=" + heap,
                "-XX:+UseSerialGC", "-XX:ActiveProcessorCount=" + threads,
                "-XX:ReservedCodeCacheSize=" + (optimise ? "128m" : "64m"), "-XX:CompressedClassSpaceSize=64m", "-XX:MaxMetaspaceSize=192m",
                "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                // JavaCPP's own accounting of native buffers, so a huge frame fails as an OutOfMemoryError early
                "-Dorg.bytedeco.javacpp.maxBytes=" + heap, "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0"));
        if (!optimise) cmd.add("-XX:TieredStopAtLevel=1");
        System.getProperties().stringPropertyNames().stream().sorted()
                .filter(k -> k.startsWith("pose.models.") || k.startsWith("ai.djl.") || k.equals("user.home") || k.equals("java.io.tmpdir"))
                .forEach(k -> cmd.add("-D" + k + "=" + System.getProperty(k)));
        cmd.addAll(launch(System.getProperty("java.class.path"), main));
        return List.copyOf(cmd);
    }

    /**
     * The same classes the server runs: its classpath in development and tests; in the packaged app
     * ({@code java -jar pose-analytics-web.jar}) the one jar, whose nested jars Spring Boot's launcher opens.
     */
    static List<String> launch(String classPath) { return launch(classPath, DecoderWorker.class); }

    static List<String> launch(String classPath, Class<?> main) {
        if (!classPath.contains(java.io.File.pathSeparator) && classPath.endsWith(".jar")) {
            try (JarFile jar = new JarFile(classPath)) {
                if (jar.getEntry("BOOT-INF/classes/") != null) {
                    return List.of("-cp", classPath, "-Dloader.main=" + main.getName(), BOOT_LAUNCHER);
                }
            } catch (IOException e) {
                log.warn("Cannot read the app's jar {}: {}", classPath, e.getMessage());
            }
        }
        return List.of("-cp", classPath, main.getName());
    }

    private static boolean works(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String tail(Path log) {
        try {
            String s = Files.readString(log, StandardCharsets.UTF_8);
            return s.length() > 2000 ? "…" + s.substring(s.length() - 2000) : s;
        } catch (IOException | RuntimeException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            log.debug("Could not delete {}: {}", p, e.getMessage());
        }
    }

    static String words(Duration d) {
        if (d.toMillis() < 1000) return d.toMillis() + " ms";
        if (d.toHours() > 0 && d.toMinutesPart() == 0) return d.toHours() + " h";
        if (d.toMinutes() > 0 && d.toSecondsPart() == 0) return d.toMinutes() + " min";
        return d.toSeconds() + " s";
    }
}
