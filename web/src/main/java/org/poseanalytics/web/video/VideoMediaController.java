package org.poseanalytics.web.video;

import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Patient media over HTTP, for signed-in users only (see SecurityConfig); the service checks the clinic and
 * records the view. Another clinic's id answers 404, the same as a missing one.
 */
@RestController
class VideoMediaController {
    private final VideoService videos;

    VideoMediaController(VideoService videos) { this.videos = videos; }

    @GetMapping("/media/videos/{id}/thumbnail.jpg")
    ResponseEntity<Resource> thumbnail(@PathVariable long id) {
        Path file = videos.thumbnail(id);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.noStore())
                .body(new FileSystemResource(file));
    }

    /** Range requests (seeking in the player) are handled by Spring for a Resource body. */
    @GetMapping("/media/videos/{id}/file")
    ResponseEntity<Resource> file(@PathVariable long id) {
        Video video = videos.get(id);
        Path file = videos.openForViewing(id);
        return ResponseEntity.ok().contentType(mediaType(video.container()))
                .cacheControl(CacheControl.noStore())
                .header("Content-Disposition", "inline")
                .body(new FileSystemResource(file));
    }

    private static MediaType mediaType(String container) {
        if (container == null) return MediaType.APPLICATION_OCTET_STREAM;
        if (container.contains("mp4") || container.contains("mov")) return MediaType.parseMediaType("video/mp4");
        if (container.contains("webm") || container.contains("matroska")) return MediaType.parseMediaType("video/webm");
        return MediaType.APPLICATION_OCTET_STREAM;
    }
}
