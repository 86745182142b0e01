package org.engagebot.bench;

import org.engagebot.testing.TestService;
import org.engagebot.testing.telegram.FakeBotApi;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Does a long staff job stall the inbound path? Imports a large CSV (default 250,000 rows, about 8 MB) through
 * POST /api/contacts/import while another client posts Telegram updates over real HTTP to /telegram/webhook
 * (webhook mode, the fake Bot API answering the replies) every {@code interval} ms, and prints the webhook's
 * latency (p50, p99, max) before and during the import. The webhook answers once the update is stored, so its
 * latency is how long it waited for the writer lock. Prints figures, asserts nothing. Run:
 * mvn -B -q -Pbench test-compile exec:java -Dbench=ImportWebhookBench -Dbench.args="250000 20"
 */
public final class ImportWebhookBench {
    private static final String SECRET = "bench-secret";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ImportWebhookBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 250_000;
        int interval = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String csv = csv(rows);
        try (FakeBotApi telegram = FakeBotApi.start("123:BENCH");
             TestService service = TestService.start(Map.of("engagebot.telegram.token", "123:BENCH",
                     "engagebot.telegram.api-url", telegram.baseUrl(), "engagebot.telegram.mode", "webhook",
                     "engagebot.telegram.webhook-secret", SECRET, "logger.levels.root", "WARN"))) {
            telegram.countOnly();
            Webhooks hooks = new Webhooks(service, interval);
            hooks.during(() -> sleep(3_000));
            print("idle (no import)", hooks.during(() -> sleep(5_000)));

            long t0 = System.nanoTime();
            HttpResponse<String>[] answer = new HttpResponse[1];
            List<Long> during = hooks.during(() -> answer[0] = service.post("/api/contacts/import", "text/csv", csv));
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf("import: %,d rows (%.1f MB) in %.1f s = %,.0f rows/s; HTTP %d, %s%n", rows,
                    csv.length() / 1e6, secs, rows / secs, answer[0].statusCode(),
                    answer[0].body().length() > 80 ? answer[0].body().substring(0, 80) + "…" : answer[0].body());
            print("during the import", during);
        }
    }

    /** Posts one update every interval ms on its own thread while {@code work} runs; returns the latencies (ns). */
    private record Webhooks(TestService service, int interval) {
        private static int nextUpdate = 1000;

        List<Long> during(Runnable work) throws Exception {
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean running = new AtomicBoolean(true);
            Thread poster = new Thread(() -> {
                while (running.get()) {
                    int id = nextUpdate++;
                    long t = System.nanoTime();
                    HttpResponse<String> r = post(id);
                    latencies.add(System.nanoTime() - t);
                    if (r.statusCode() != 200) {
                        System.out.println("webhook answered " + r.statusCode());
                    }
                    sleep(interval);
                }
            }, "webhook-client");
            poster.start();
            sleep(200);
            CompletableFuture.runAsync(work).join();
            running.set(false);
            poster.join();
            return latencies;
        }

        private HttpResponse<String> post(int updateId) {
            long chat = 900_000 + updateId % 5_000;
            String body = "{\"update_id\": " + updateId + ", \"message\": {\"message_id\": " + updateId + ", \"date\": "
                    + "1700000000, \"chat\": {\"id\": " + chat + ", \"type\": \"private\"}, \"from\": {\"id\": " + chat
                    + ", \"is_bot\": false, \"first_name\": \"Bench\"}, \"text\": \"/start\"}}";
            return service.send(HttpRequest.newBuilder(service.url("/telegram/webhook"))
                    .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }
    }

    private static String csv(int rows) {
        StringBuilder csv = new StringBuilder(rows * 34).append("name,email,area,subscribed\n");
        for (int i = 0; i < rows; i++) {
            csv.append("P ").append(i).append(",p").append(i).append("@orgs.example,")
                    .append(i % 2 == 0 ? "conwy" : "gwynedd").append(",yes\n");
        }
        return csv.toString();
    }

    private static void print(String when, List<Long> latencies) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        int n = sorted.size();
        System.out.printf("webhook latency %s: %d calls, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", when, n,
                sorted.get(n / 2) / 1e6, sorted.get(Math.min(n - 1, (int) (n * 0.99))) / 1e6, sorted.get(n - 1) / 1e6);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
