package org.poseanalytics.web.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The video directory. Files are named by UUID only, never by anything a user typed, so no upload can reach
 * outside it. Uploads land in {@code tmp/} first (same file system, so the final move is atomic).
 */
@Component
public class Storage {
    private static final Logger log = LoggerFactory.getLogger(Storage.class);

    private final Path root;
    private final Path tmp;

    Storage(@Value("${pose.storage-dir}") Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.tmp = this.root.resolve("tmp");
        Files.createDirectories(tmp);
        cleanLeftovers();
    }

    public Path root() { return root; }

    public Path newTempFile() throws IOException {
        return Files.createTempFile(tmp, "upload-", ".part");
    }

    public Path video(UUID name) { return root.resolve(name.toString()); }

    public Path thumbnail(UUID name) { return root.resolve(name + ".jpg"); }

    /** The browser-playable copy made for uploads browsers cannot play (see web.playback); erased with the video. */
    public Path playable(UUID name) { return root.resolve(name + ".browser.mp4"); }

    /**
     * The copy made before the conversion kept the source's colours (green and magenta smears): never played again,
     * replaced by {@link #playable} when the video is next opened, erased with the video.
     */
    public Path playableWithWrongColours(UUID name) { return root.resolve(name + ".play.mp4"); }

    public void moveIn(Path temp, Path target) throws IOException {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes a stored video, its thumbnail and its browser copies; a failure is logged, it must not undo a committed erasure. */
    public void delete(UUID name) {
        for (Path p : new Path[] {video(name), thumbnail(name), playable(name), playableWithWrongColours(name)}) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                log.error("Could not delete {}: {}. Delete it by hand.", p, e.getMessage());
            }
        }
    }

    public static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", p, e.getMessage());
        }
    }

    /** An upload interrupted by a crash leaves a .part file; nothing refers to it. */
    private void cleanLeftovers() throws IOException {
        try (var files = Files.list(tmp)) {
            files.filter(p -> p.getFileName().toString().endsWith(".part") || p.getFileName().toString().endsWith(".jpg"))
                    .forEach(Storage::deleteQuietly);
        }
    }
}
