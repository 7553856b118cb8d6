package org.poseanalytics.web.video;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.poseanalytics.web.storage.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On start: removes files of videos the database no longer has and half-written parts ({@link Storage#sweep}: an
 * erasure or conversion cut short by a crash leaves them), and makes the directory owner-only (0700, files 0600) where
 * an older version left it readable to others. Only files untouched for {@code pose.storage.sweep-quiet} go, so an
 * upload or conversion in progress on another node sharing the directory is left alone.
 */
@Component
class StorageSweep {
    private static final Logger log = LoggerFactory.getLogger(StorageSweep.class);

    private final Storage storage;
    private final JdbcClient jdbc;
    private final Duration quietFor;

    StorageSweep(Storage storage, JdbcClient jdbc, @Value("${pose.storage.sweep-quiet:1h}") Duration quietFor) {
        this.storage = storage;
        this.jdbc = jdbc;
        this.quietFor = quietFor;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        try {
            storage.restrictPermissions();
            List<Path> removed = sweep();
            if (!removed.isEmpty()) log.info("Removed {} leftover files of erased videos or cut-short writes from {}", removed.size(), storage.root());
        } catch (IOException | RuntimeException e) {
            log.error("Could not sweep the video directory {}: {}", storage.root(), e.getMessage());
        }
    }

    List<Path> sweep() throws IOException {
        // Read before listing the files: a video stored meanwhile is younger than quietFor anyway.
        var known = new HashSet<UUID>(jdbc.sql(
                // checkerboard videos waiting for their calibration job (issue 14) are kept too
                "select storage_name from video union select unnest(video_storage) from multiview_calibration"
                        + " union select storage_name from keypoint_file").query(UUID.class).list());
        return storage.sweep(known, quietFor);
    }
}
