package org.poseanalytics.pose;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Function;

/**
 * The temporary files a long video's data moves to off the heap ({@link PoseSpill} for the poses, the series' spilled
 * channels in tracking): whether the temporary directory has room for them, and how one is opened so that nothing is
 * left behind on disk, even if the process is killed.
 */
public final class SpillFiles {
    private static final Cleaner CLEANER = Cleaner.create();

    private SpillFiles() {}

    private record Closer(FileChannel channel) implements Runnable {
        @Override
        public void run() {
            try { channel.close(); } catch (IOException ignored) { /* a temporary file already unlinked */ }
        }
    }

    /**
     * Whether the system's temporary directory has at least {@code bytes} free; false when that cannot be told, as
     * the heap is then the safer place. Each caller says how much it needs and why.
     */
    public static boolean hasRoomFor(long bytes) {
        try {
            return Files.getFileStore(Path.of(System.getProperty("java.io.tmpdir"))).getUsableSpace() >= bytes;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A new file of float32 values named {@code prefix}… in the system's temporary directory, handed to {@code owner},
     * which is returned. The file is deleted right after it is opened where the system allows it (it lives on,
     * nameless, until closed), else when it is closed; it is closed once the owner is no longer referenced.
     */
    public static <T> T openUnlinked(String prefix, Function<FileChannel, T> owner) throws IOException {
        Path path = Files.createTempFile(prefix, ".f32");
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
        try {
            Files.deleteIfExists(path);
        } catch (IOException notOnThisSystem) {
            // Windows cannot delete an open file: DELETE_ON_CLOSE does it when the channel closes.
        }
        T t;
        try {
            t = owner.apply(channel);
        } catch (RuntimeException | Error e) {
            channel.close(); // no owner to outlive: the file goes now
            throw e;
        }
        CLEANER.register(t, new Closer(channel));
        return t;
    }
}
