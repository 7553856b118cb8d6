package org.poseanalytics.web.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A read filed in a Caffeine cache so that it is made once: the value filed under a key, else the read, run on the
 * caller's thread (its user, clinic, transaction and security checks) and filed for the next caller. Callers asking for
 * a key being read wait for that read rather than repeat it (fifty viewers opening one page at once read once); the read
 * itself runs outside the cache's locks, so a long one holds up no other key. A failed read is not kept.
 */
public final class ReadOnce {
    private ReadOnce() {}

    public static <K, V> V get(AsyncCache<K, V> cache, K key, Supplier<V> read) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> earlier = cache.asMap().putIfAbsent(key, mine);
        if (earlier != null) {
            try {
                return earlier.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                throw e;
            }
        }
        try {
            V value = read.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        }
    }
}
