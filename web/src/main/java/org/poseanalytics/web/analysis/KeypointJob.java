package org.poseanalytics.web.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.poseanalytics.kinematics.keypoints.FrameSize;
import org.poseanalytics.kinematics.keypoints.ImportOptions;
import org.poseanalytics.kinematics.keypoints.KeypointFileException;
import org.poseanalytics.kinematics.keypoints.KeypointFiles;
import org.poseanalytics.kinematics.keypoints.KeypointFormat;
import org.poseanalytics.kinematics.keypoints.KeypointHeader;
import org.poseanalytics.kinematics.keypoints.KeypointReader;
import org.poseanalytics.kinematics.keypoints.KeypointStream;
import org.poseanalytics.kinematics.pipeline.AnalysisException;
import org.poseanalytics.web.storage.Storage;

/**
 * The input of a job that reads uploaded keypoints (issue 18) instead of decoding a video: the stored file, or for an
 * OpenPose archive the folder it is unpacked into (within the archive limits again: the job trusts nothing the upload
 * checked), and the reader that hands its frames to the pipeline. Parsing is plain Java and runs in this JVM; the frames
 * stream one at a time, so an hour's file needs no more heap than a minute's; the archive limits and the job's frame
 * limit bound the rest. The folder goes when the job is done.
 */
final class KeypointJob implements AutoCloseable {
    private final Path input;
    private final Path unpacked;
    private final KeypointReader reader;

    private KeypointJob(Path input, Path unpacked, KeypointReader reader) {
        this.input = input;
        this.unpacked = unpacked;
        this.reader = reader;
    }

    static KeypointJob open(Storage storage, JobRecords.KeypointInput k, KeypointFiles.Limits archive, long maxFrames) throws AnalysisException {
        Path file = storage.video(k.storageName());
        if (!Files.isReadable(file))
            throw new IllegalStateException("the keypoint file is not readable at " + file + "; is the shared storage (POSE_STORAGE_DIR) mounted on every worker?");
        KeypointFormat format = KeypointFormat.parse(k.format());
        // What the file does not state comes from the user, else from the video it is attached to.
        Double fps = k.fps() != null ? k.fps() : k.withVideo() && k.videoFps() > 0 ? Double.valueOf(k.videoFps()) : null;
        FrameSize size = k.width() != null && k.height() != null ? new FrameSize(k.width(), k.height())
                : k.withVideo() && k.videoWidth() > 0 && k.videoHeight() > 0 ? new FrameSize(k.videoWidth(), k.videoHeight()) : null;
        KeypointReader reader = new Checked(KeypointReader.of(format, new ImportOptions(fps, size, null)), k, maxFrames);
        if (KeypointFiles.Packaging.parse(k.packaging()) != KeypointFiles.Packaging.ZIP) return new KeypointJob(file, null, reader);
        Path folder = null;
        try {
            folder = Files.createTempDirectory(storage.root().resolve("tmp"), "keypoints-");
            KeypointFiles.unpack(file, folder, "“" + k.originalName() + "”", archive);
            return new KeypointJob(folder, folder, reader);
        } catch (KeypointFileException e) {
            deleteTree(folder);
            throw new AnalysisException(AnalysisException.Kind.UNREADABLE_VIDEO, e.getMessage(), e);
        } catch (IOException e) {
            deleteTree(folder);
            throw new IllegalStateException("cannot unpack the keypoint archive: " + e.getMessage(), e);
        }
    }

    /** The file or folder the reader reads (the request's "video"). */
    Path input() { return input; }

    KeypointReader reader() { return reader; }

    /** The analysis names this as its model, as {@code pose-analytics analyze --keypoints} does. */
    static String model(JobRecords.KeypointInput k) { return "imported-" + k.format(); }

    /**
     * A failure's reason in the user's words: the file by the name they uploaded (not the storage name, not a frame file
     * in the unpacked folder), and the form's fields rather than the command line's options.
     */
    static String userMessage(String reason, JobRecords.KeypointInput k, Path input) {
        String r = reason == null ? "" : reason;
        if (input != null) r = r.replace(input.toString(), "“" + k.originalName() + "”");
        r = r.replace(k.storageName().toString(), "“" + k.originalName() + "”")
                .replace("give it with --fps N (the video's frames per second)", "give the frames per second with the upload, or attach the keypoints to their video")
                .replace("give it with --frame-size WxH (the video's width and height in pixels, e.g. 1920x1080)",
                        "give the frame size (e.g. 1920x1080) with the upload, or attach the keypoints to their video");
        return r;
    }

    @Override
    public void close() { deleteTree(unpacked); }

    private static void deleteTree(Path folder) {
        if (folder == null) return;
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(Storage::deleteQuietly);
        } catch (IOException e) {
            Storage.deleteQuietly(folder);
        }
    }

    /**
     * The reader with the job's checks on the file's header, made before any frame is analysed: no more frames than a job
     * analyses, and keypoints attached to a video must have been made from it (same frame rate, about the same frame
     * count, the same frame size), else the overlay would be drawn at the wrong moments or places: that is said, and
     * nothing is stored.
     */
    private record Checked(KeypointReader reader, JobRecords.KeypointInput k, long maxFrames) implements KeypointReader {
        @Override
        public KeypointStream scan(Path path) throws KeypointFileException {
            KeypointStream stream = reader.scan(path);
            KeypointHeader header = stream.header();
            int frames = header.frames();
            if (frames > maxFrames)
                throw new KeypointFileException(KeypointFileException.Kind.UNREADABLE, String.format(Locale.ROOT,
                        "“%s” holds %d frames; a job analyses at most %d. Upload the part to analyse, or ask your administrator to raise the limit",
                        k.originalName(), frames, maxFrames));
            if (!k.withVideo()) return stream;
            String mismatch = mismatch(header);
            if (mismatch != null)
                throw new KeypointFileException(KeypointFileException.Kind.NEEDS_OPTION, "The keypoints in “" + k.originalName()
                        + "” do not match the video they were attached to: " + mismatch + ". Attach them to the video they were made from,"
                        + " or upload them without a video");
            return stream;
        }

        private String mismatch(KeypointHeader kp) {
            int frames = kp.frames();
            double videoFps = k.videoFps();
            if (videoFps > 0 && Math.abs(kp.fps() - videoFps) > 0.01 * videoFps)
                return String.format(Locale.ROOT, "they were taken at %.3g frames per second, the video at %.3g", kp.fps(), videoFps);
            long tolerance = Math.max(2, Math.round(0.02 * k.videoFrames()));
            if (k.videoFrames() > 0 && Math.abs(frames - k.videoFrames()) > tolerance)
                return String.format(Locale.ROOT, "they hold %d frames (%.1f s), the video %d (%.1f s)", frames, frames / kp.fps(),
                        k.videoFrames(), videoFps > 0 ? k.videoFrames() / videoFps : 0.0);
            if (kp.format() != KeypointFormat.TRC && (kp.width() != k.videoWidth() || kp.height() != k.videoHeight()))
                return String.format(Locale.ROOT, "their frame is %d × %d pixels, the video's %d × %d", kp.width(), kp.height(),
                        k.videoWidth(), k.videoHeight());
            return null;
        }
    }
}
