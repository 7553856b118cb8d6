package org.poseanalytics.pose.eval;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The parts of a COCO keypoint annotation file that evaluation needs: images, people and categories. */
public record CocoDataset(List<CocoImage> images, List<CocoAnnotation> annotations, List<Long> categoryIds) {

    public CocoDataset {
        images = List.copyOf(images);
        annotations = List.copyOf(annotations);
        categoryIds = List.copyOf(categoryIds);
    }

    public Optional<CocoImage> image(long id) {
        return images.stream().filter(i -> i.id() == id).findFirst();
    }

    public Map<Long, CocoImage> imagesById() {
        return images.stream().collect(Collectors.toMap(CocoImage::id, Function.identity(), (a, b) -> a));
    }

    public List<CocoAnnotation> annotationsOf(long imageId) {
        return annotations.stream().filter(a -> a.imageId() == imageId).toList();
    }
}
