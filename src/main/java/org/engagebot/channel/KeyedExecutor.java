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

    /**
     * As {@link #submit}, for a task that only starts work finishing elsewhere ({@code start} returns its future,
     * e.g. a group commit's): it runs on the thread that submits it when the key has nothing queued, else on the
     * thread that finishes the key's previous task, and no pool thread is woken for it. The key's next task waits
     * for the returned future. {@code start} must return quickly and never block.
     */
    public CompletableFuture<Void> chain(String key, java.util.function.Supplier<CompletableFuture<?>> start) {
        queued.incrementAndGet();
        CompletableFuture<Void> go = new CompletableFuture<>();
        @SuppressWarnings("unchecked")
        CompletableFuture<Void>[] mine = new CompletableFuture[1];
        Object[] previous = new Object[1];
        tails.compute(key, (k, tail) -> {
            previous[0] = tail;
            mine[0] = go.thenCompose(v -> {
                try {
                    return start.get();
                } catch (RuntimeException | Error e) {
                    return CompletableFuture.failedFuture(e);
                }
            }).handle((v, e) -> {
                queued.decrementAndGet();
                if (e != null) {
                    throw e instanceof java.util.concurrent.CompletionException c ? c : new java.util.concurrent.CompletionException(e);
                }
                return null;
            });
            return mine[0];
        });
        mine[0].whenComplete((v, e) -> tails.remove(key, mine[0]));
        if (previous[0] == null) {
            go.complete(null); // outside compute: start may lead a group, and its completion may chain the key again
        } else {
            ((CompletableFuture<?>) previous[0]).whenComplete((v, e) -> go.complete(null));
        }
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
