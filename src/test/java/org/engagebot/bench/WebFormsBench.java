package org.engagebot.bench;

import org.engagebot.platform.Db;
import org.engagebot.testing.AddressCodes;
import org.engagebot.testing.TestService;
import org.engagebot.testing.web.WebFormClient;
import org.engagebot.testing.web.WebFormClient.Page;

import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Load driver for the web forms: N simulated people, each with its own cookie jar and a plain HTTP client (no
 * browser), register again and again through the real pages (open the form, 9 answers with one skip, check your
 * answers, confirm, the emailed code), with {@code thinkMillis} between pages. Prints completed registrations a minute and page times
 * (every GET and POST, server and loopback included). The service runs in this JVM on a SQLite file, with the per-IP
 * limit raised (every simulated person shares 127.0.0.1) and the minimum time on a page set to {@code thinkMillis}.
 * Not a test. Run:
 * mvn -B -q -Pbench test-compile exec:java -Dbench=WebFormsBench -Dbench.args="SECONDS USERS THINK_MS"
 */
public final class WebFormsBench {

    private static final AtomicReference<String> FIRST_FAILURE = new AtomicReference<>();

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        long think = args.length > 2 ? Long.parseLong(args[2]) : 0;
        try (TestService service = TestService.start(Map.of("engagebot.web.min-page-time", think + "ms",
                "engagebot.web.per-ip-per-minute", 10_000_000, "engagebot.outbox.enabled", "false",
                "engagebot.mail.enabled", "false", "micronaut.server.netty.worker.threads", 8))) {
            run(service, 10, Math.min(users, 8), think, "warm-up");
            run(service, seconds, users, think, "run");
        }
        System.exit(0);
    }

    private static void run(TestService service, int seconds, int users, long think, String tag) throws Exception {
        ConcurrentLinkedQueue<Long> pages = new ConcurrentLinkedQueue<>();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong serial = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(users);
        for (int u = 0; u < users; u++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    try {
                        if (register(service, serial.incrementAndGet(), think, pages, tag)) {
                            done.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (RuntimeException | InterruptedException e) {
                        if (FIRST_FAILURE.compareAndSet(null, String.valueOf(e))) {
                            System.out.println("first failure: " + e);
                        }
                        failed.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        long[] times = pages.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%s: %d users, think %d ms, %d s: %d registrations completed (%.0f a minute), %d failed; "
                        + "%d pages, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", tag, users, think, seconds,
                done.get(), done.get() * 60.0 / seconds, failed.get(), times.length, ms(times, 0.50), ms(times, 0.95),
                ms(times, 0.99), times.length == 0 ? 0 : times[times.length - 1] / 1e6);
    }

    private static boolean register(TestService service, long n, long think, ConcurrentLinkedQueue<Long> pages, String tag)
            throws InterruptedException {
        WebFormClient person = new WebFormClient(service.url("/"));
        Page page = timed(person.get("/forms/register?lang=" + (n % 2 == 0 ? "en" : "cy")), pages);
        String[] typed = {"Organisation " + n, "Person " + n, null, tag + n + "@bench.example", "01248 123456", null,
                "We help people in the area.", null, null};
        for (String answer : typed) {
            Thread.sleep(think);
            if (answer != null) {
                page = timed(person.answer(page, answer), pages);
            } else if (page.form().selectFirst("button[value=skip]") != null) {
                page = timed(person.submit(page, "skip", Map.of()), pages);
            } else {
                page = timed(person.answer(page, page.doc().selectFirst("input[name=answer]").attr("value")), pages);
            }
        }
        Thread.sleep(think);
        page = timed(person.submit(page, "confirm", Map.of()), pages);
        // the typed address is proved before anything is registered: the 6-digit code the service emailed (read from
        // its outbox, as the address's owner would read her mail)
        Thread.sleep(think);
        page = timed(person.answer(page, AddressCodes.latestCode(service.bean(Db.class), typed[3])), pages);
        boolean registered = page.status() == 200 && page.doc().getElementById("confirmation") != null;
        if (!registered && FIRST_FAILURE.compareAndSet(null, page.heading())) {
            System.out.println("first failure ends on: " + page.heading());
        }
        return registered;
    }

    private static Page timed(Page page, ConcurrentLinkedQueue<Long> pages) {
        pages.add(page.nanos());
        if (page.status() >= 400) {
            throw new IllegalStateException("HTTP " + page.status() + " on " + page.heading());
        }
        return page;
    }

    private static double ms(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }
}
