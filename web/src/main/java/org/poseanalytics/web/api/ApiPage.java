package org.poseanalytics.web.api;

import java.util.List;
import org.poseanalytics.web.UserInputException;

/**
 * One page of a list: {@code items}, the 0-based {@code page}, its {@code size} and the {@code total} number of items
 * that match; the next page is {@code page + 1} while {@code (page + 1) * size < total}.
 */
record ApiPage<T>(List<T> items, int page, int size, long total) {
    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;

    static <T> ApiPage<T> of(List<T> all, int page, int size) {
        if (page < 0) throw new UserInputException("page counts from 0.", "page");
        if (size < 1 || size > MAX_SIZE) throw new UserInputException("size is 1 to " + MAX_SIZE + ".", "size");
        int from = (int) Math.min(all.size(), (long) page * size);
        return new ApiPage<>(List.copyOf(all.subList(from, Math.min(all.size(), from + size))), page, size, all.size());
    }
}
