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
        check(page, size);
        int from = (int) Math.min(all.size(), (long) page * size);
        return new ApiPage<>(List.copyOf(all.subList(from, Math.min(all.size(), from + size))), page, size, all.size());
    }

    /** A page the database cut: {@code rows} answers (offset, limit); {@code total} counts every match. */
    static <T> ApiPage<T> of(int page, int size, java.util.function.LongSupplier count, java.util.function.BiFunction<Integer, Integer, List<T>> rows) {
        check(page, size);
        long total = count.getAsLong();
        long offset = (long) page * size;
        List<T> items = offset >= total ? List.of() : rows.apply((int) offset, size);
        return new ApiPage<>(List.copyOf(items), page, size, total);
    }

    private static void check(int page, int size) {
        if (page < 0) throw new UserInputException("page counts from 0.", "page");
        if (size < 1 || size > MAX_SIZE) throw new UserInputException("size is 1 to " + MAX_SIZE + ".", "size");
    }
}
