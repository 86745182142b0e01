package org.engagebot.channel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks concurrently across keys but strictly in submission order within a key (a chat, an address),
 * on a fixed pool. A failing task does not stop the ones after it.
 */
public final class KeyedExecutor implements AutoCloseable {
    private final ExecutorService pool;
    private final ConcurrentHashMap<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
    private final AtomicInteger queued = new AtomicInteger();

    public KeyedExecutor(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public CompletableFuture<Void> submit(String key, Runnable task) {
        queued.incrementAndGet();
        CompletableFuture<Void>[] mine = new CompletableFuture[1];
        tails.compute(key, (k, tail) -> {
            CompletableFuture<Void> start = tail == null ? CompletableFuture.completedFuture(null) : tail;
            mine[0] = start.handle((v, e) -> null).thenRunAsync(() -> {
                try {
                    task.run();
                } finally {
                    queued.decrementAndGet();
                }
            }, pool);
            return mine[0];
        });
        mine[0].whenComplete((v, e) -> tails.remove(key, mine[0]));
        return mine[0];
    }

    /** Tasks submitted and not yet finished. */
    public int backlog() {
        return queued.get();
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
