package org.poseanalytics.web.storage;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The video directory. Files are named by UUID only, never by anything a user typed, so no upload can reach
 * outside it. Uploads land in {@code tmp/} first (same file system, so the final move is atomic). The directories are
 * the owner's alone (0700) and every file in them is 0600: patients' videos on a shared host are nobody else's.
 */
@Component
public class Storage {
    private static final Logger log = LoggerFactory.getLogger(Storage.class);
    static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    public static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    /** A stored video or one of its derived files: {@code <uuid>}, {@code <uuid>.jpg}, {@code <uuid>.browser.mp4}, … */
    private static final Pattern STORED = Pattern.compile("([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(\\..*)?");

    private final Path root;
    private final Path tmp;
    /** Files being written now (browser copies), by video: erasure stops them before it deletes. */
    private final Map<UUID, Runnable> writing = new ConcurrentHashMap<>();

    Storage(@Value("${pose.storage-dir}") Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.tmp = this.root.resolve("tmp");
        ownerOnlyDirectory(this.root);
        ownerOnlyDirectory(tmp);
        cleanLeftovers();
    }

    public Path root() { return root; }

    /** An empty 0600 file in {@code tmp/} (the JDK creates temp files owner-only on POSIX; said here, not assumed). */
    public Path newTempFile() throws IOException {
        Path p = Files.createTempFile(tmp, "upload-", ".part");
        ownerOnly(p);
        return p;
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

    /** Moves a finished file in, owner-only whatever wrote it (FFmpeg and ImageIO create files by the umask). */
    public void moveIn(Path temp, Path target) throws IOException {
        ownerOnly(temp);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Says that a derived file of video {@code name} is being written until the returned handle is closed;
     * {@link #delete} calls {@code stop} first, so erasure does not race a running conversion.
     */
    public Writing writing(UUID name, Runnable stop) {
        writing.put(name, stop);
        return () -> writing.remove(name, stop);
    }

    /** See {@link #writing}. */
    public interface Writing extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Removes a stored video and every file derived from it (thumbnail, browser copies, their half-written parts),
     * stopping a conversion that is writing one; a failure is logged, it must not undo a committed erasure.
     */
    public void delete(UUID name) {
        Runnable stop = writing.get(name);
        if (stop != null) stop.run();
        try (Stream<Path> files = Files.list(root)) {
            files.filter(p -> storedName(p).filter(name::equals).isPresent()).forEach(Storage::deleteLogged);
        } catch (IOException e) {
            log.error("Could not list {} to erase video {}: {}", root, name, e.getMessage());
        }
        for (Path p : new Path[] {video(name), thumbnail(name), playable(name), playableWithWrongColours(name)}) deleteLogged(p);
    }

    /**
     * Files in the directory for videos the database no longer has (an erasure cut short by a crash, a conversion that
     * finished after its video was deleted, half-written parts), untouched for {@code quietFor}: the age keeps files of
     * an upload or conversion in progress on another node out of it. Returns what it removed.
     */
    public List<Path> sweep(Set<UUID> known, Duration quietFor) throws IOException {
        Instant before = Instant.now().minus(quietFor);
        try (Stream<Path> files = Stream.concat(Files.list(root), Files.list(tmp))) {
            List<Path> gone = files.filter(Files::isRegularFile)
                    .filter(p -> {
                        Optional<UUID> owner = storedName(p);
                        boolean part = p.getFileName().toString().endsWith(".part") || p.getFileName().toString().contains(".part.");
                        return (owner.isPresent() && (!known.contains(owner.get()) || part)) || (part && p.startsWith(tmp));
                    })
                    .filter(p -> modifiedBefore(p, before))
                    .toList();
            gone.forEach(Storage::deleteLogged);
            return gone;
        }
    }

    /** Makes what an older version left world-readable owner-only (the directories 0700, their files 0600). */
    public void restrictPermissions() throws IOException {
        if (!POSIX) return;
        ownerOnlyDirectory(root);
        ownerOnlyDirectory(tmp);
        try (Stream<Path> files = Stream.concat(Files.list(root), Files.list(tmp))) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) ownerOnly(p);
        }
    }

    /** The video a file in the directory belongs to, by its name. */
    static Optional<UUID> storedName(Path p) {
        Matcher m = STORED.matcher(p.getFileName().toString());
        return m.matches() ? Optional.of(UUID.fromString(m.group(1))) : Optional.empty();
    }

    public static void ownerOnly(Path file) throws IOException {
        if (POSIX && Files.exists(file)) Files.setPosixFilePermissions(file, OWNER_FILE);
    }

    /** Creates the directory (and parents) owner-only, and makes it so when it exists. */
    public static Path ownerOnlyDirectory(Path dir) throws IOException {
        if (!POSIX) return Files.createDirectories(dir);
        if (!Files.exists(dir)) {
            FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(OWNER_DIR);
            Files.createDirectories(dir, attr);
        }
        Files.setPosixFilePermissions(dir, OWNER_DIR);
        return dir;
    }

    public static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", p, e.getMessage());
        }
    }

    private static void deleteLogged(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            log.error("Could not delete {}: {}. Delete it by hand.", p, e.getMessage());
        }
    }

    private static boolean modifiedBefore(Path p, Instant t) {
        try {
            return Files.getLastModifiedTime(p).toInstant().isBefore(t);
        } catch (IOException e) {
            return false;
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
