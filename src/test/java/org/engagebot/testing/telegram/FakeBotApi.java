package org.engagebot.testing.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.telegram.telegrambots.meta.TelegramUrl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * In-process fake of the Telegram Bot API for integration tests, on the JDK's HttpServer bound to
 * 127.0.0.1 on a free port. Point the real Telegram Bots Java client at it with {@link #telegramUrl()}.
 *
 * <p>What the real client (telegrambots 10.2.0) sends: paths {@code /bot<token>/<method>} with the method
 * name in lower case ({@code sendmessage}); ordinary methods as {@code application/json} POST bodies
 * (chat_id as a JSON string); uploads ({@code sendDocument}, {@code sendPhoto}, {@code setWebhook}, ...)
 * as {@code multipart/form-data} with every non-file field as a text part and reply_markup as a JSON text
 * part. The fake also accepts form-urlencoded bodies and query strings.
 *
 * <p>Updates: queue them with {@code queue*}; {@code getUpdates} honours offset (confirmed updates are
 * dropped), limit and timeout (long poll, capped by {@link #maxLongPoll(Duration)}, default 1 s).
 * Updates queued raw with {@link #queueUpdate(String)} are delivered at least once even when their
 * update_id is below the confirmed offset, so tests can simulate Telegram redelivering an update.
 *
 * <p>Thread-safe. Close it to stop the server.
 */
public final class FakeBotApi implements AutoCloseable {

    /** Bot user id used in getMe and as {@code from} of bot messages (token prefix when numeric). */
    public static final String BOT_USERNAME = "engagebot_test_bot";

    private static final Map<String, String> CANONICAL = new HashMap<>();

    static {
        // The JDK server writes a response's headers and body separately; without TCP_NODELAY the body waits for
        // the client's delayed ACK (40 ms), which real Bot API servers never add. Read once, before the first server.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        for (String m : List.of("getMe", "logOut", "close", "getUpdates", "setWebhook", "deleteWebhook",
                "getWebhookInfo", "sendMessage", "forwardMessage", "copyMessage", "sendPhoto", "sendDocument",
                "sendAudio", "sendVideo", "sendAnimation", "sendVoice", "sendSticker", "sendChatAction",
                "editMessageText", "editMessageReplyMarkup", "editMessageCaption", "deleteMessage",
                "answerCallbackQuery", "setMyCommands", "deleteMyCommands", "getMyCommands", "getChat",
                "getChatMember", "getFile", "setChatMenuButton", "pinChatMessage", "unpinChatMessage",
                "setMessageReaction")) {
            CANONICAL.put(m.toLowerCase(Locale.ROOT), m);
        }
    }

    private static final Pattern PATH = Pattern.compile("^/bot([^/]+)/(?:test/)?([A-Za-z0-9_]+)/?$");

    private final ObjectMapper mapper = new ObjectMapper();
    private final String token;
    private final long botId;
    private final HttpServer server;
    private final ExecutorService executor;

    // --- updates (guarded by updatesLock) ---
    private final Object updatesLock = new Object();
    private final List<QueuedUpdate> queue = new ArrayList<>();
    private int lastUpdateId;
    private boolean closed;

    private final AtomicInteger nextMessageId = new AtomicInteger(1);
    private final Map<Long, ObjectNode> lastBotMessage = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> messages = new ConcurrentHashMap<>();
    private final Map<Long, UserProfile> profiles = new ConcurrentHashMap<>();

    // --- recordings (guarded by recLock) ---
    private final Object recLock = new Object();
    private final List<SentMessage> sent = new ArrayList<>();
    private final List<RecordedCall> calls = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong sentCount = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean countOnly;
    private final List<SentDocument> documents = new ArrayList<>();
    private final List<EditedMessage> edits = new ArrayList<>();
    private final List<String> answeredCallbacks = new ArrayList<>();

    // --- faults (guarded by faultLock) ---
    private final Object faultLock = new Object();
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private final Deque<Long> sendWindow = new ArrayDeque<>();
    private int rateCap;
    private int tooManyRequests;
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration maxLongPoll = Duration.ofSeconds(1);

    private record Fault(int status, String description, Integer retryAfter) {
    }

    private record UserProfile(String firstName, String username, String languageCode) {
    }

    private static final class QueuedUpdate {
        final int updateId;
        final ObjectNode json;
        final boolean raw;
        boolean delivered;

        QueuedUpdate(int updateId, ObjectNode json, boolean raw) {
            this.updateId = updateId;
            this.json = json;
            this.raw = raw;
        }
    }

    private FakeBotApi(String token) throws IOException {
        this.token = token;
        long id = 123456789L;
        int colon = token.indexOf(':');
        if (colon > 0) {
            try {
                id = Long.parseLong(token.substring(0, colon));
            } catch (NumberFormatException ignored) {
                // keep default
            }
        }
        this.botId = id;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        AtomicInteger threadNo = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "fake-botapi-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a fake for the given bot token (e.g. {@code "123:abc"}) on 127.0.0.1 and a free port. */
    public static FakeBotApi start(String token) {
        try {
            return new FakeBotApi(token);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start fake Bot API", e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** For {@code OkHttpTelegramClient} and {@code TelegramBotsLongPollingApplication.registerBot}. */
    public TelegramUrl telegramUrl() {
        return new TelegramUrl("http", "127.0.0.1", port(), false);
    }

    public String token() {
        return token;
    }

    public long botId() {
        return botId;
    }

    @Override
    public void close() {
        synchronized (updatesLock) {
            closed = true;
            updatesLock.notifyAll();
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ configuration

    /** Upper bound for a getUpdates long poll regardless of the requested timeout (default 1 s). */
    public void maxLongPoll(Duration max) {
        this.maxLongPoll = max;
    }

    /** Name and language used for {@code from}/{@code chat} of updates queued for this chat id. */
    public void userProfile(long chatId, String firstName, String username, String languageCode) {
        profiles.put(chatId, new UserProfile(firstName, username, languageCode));
    }

    // ------------------------------------------------------------------ updates

    /** Queues a private text message from user {@code chatId}; returns its update_id. */
    public int queueText(long chatId, String text) {
        ObjectNode message = userMessage(chatId);
        message.put("text", text);
        if (text.startsWith("/")) {
            int end = text.indexOf(' ');
            ObjectNode entity = message.putArray("entities").addObject();
            entity.put("offset", 0).put("length", end < 0 ? text.length() : end).put("type", "bot_command");
        }
        return enqueue("message", message);
    }

    /** A command is just text starting with '/'; a bot_command entity is added. */
    public int queueCommand(long chatId, String command) {
        return queueText(chatId, command);
    }

    /**
     * Queues a callback_query from user {@code chatId} pressing a button with {@code data}. Its message is
     * the last message the bot sent to that chat (or a stub bot message). The callback query id is
     * {@code "cbq-<update_id>"}. Returns the update_id.
     */
    public int queueCallback(long chatId, String data) {
        ObjectNode message = lastBotMessage.get(chatId);
        if (message == null) {
            message = botMessage(chatId);
            message.put("text", "");
        } else {
            message = message.deepCopy();
        }
        synchronized (updatesLock) {
            int id = lastUpdateId + 1;
            ObjectNode cq = mapper.createObjectNode();
            cq.put("id", "cbq-" + id);
            cq.set("from", user(chatId));
            cq.set("message", message);
            cq.put("chat_instance", "ci-" + chatId);
            cq.put("data", data);
            return enqueueLocked("callback_query", cq);
        }
    }

    /** Queues a sticker message from user {@code chatId}; returns its update_id. */
    public int queueSticker(long chatId) {
        ObjectNode message = userMessage(chatId);
        ObjectNode sticker = message.putObject("sticker");
        int n = nextMessageId.get();
        sticker.put("file_id", "CAACAgIAAxkBAAI" + n).put("file_unique_id", "AgAD" + n)
                .put("type", "regular").put("width", 512).put("height", 512)
                .put("is_animated", false).put("is_video", false).put("emoji", "\uD83D\uDC4D")
                .put("set_name", "TestStickers").put("file_size", 23456);
        return enqueue("message", message);
    }

    /** Queues a photo message (two sizes, no caption) from user {@code chatId}; returns its update_id. */
    public int queuePhoto(long chatId) {
        ObjectNode message = userMessage(chatId);
        ArrayNode photo = message.putArray("photo");
        int n = nextMessageId.get();
        photo.addObject().put("file_id", "AgACAgQAAxkBAAS" + n + "s").put("file_unique_id", "AQADs" + n)
                .put("file_size", 1234).put("width", 90).put("height", 68);
        photo.addObject().put("file_id", "AgACAgQAAxkBAAS" + n + "m").put("file_unique_id", "AQADm" + n)
                .put("file_size", 98765).put("width", 1280).put("height", 960);
        return enqueue("message", message);
    }

    /**
     * Queues a raw update. When it has an {@code update_id} that id is kept (it may repeat an earlier one,
     * and it is delivered at least once even if that id was already confirmed); otherwise the next id is
     * assigned. Returns the update_id.
     */
    public int queueUpdate(String updateJson) {
        ObjectNode node;
        try {
            node = (ObjectNode) mapper.readTree(updateJson);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a JSON object: " + updateJson, e);
        }
        synchronized (updatesLock) {
            int id;
            if (node.hasNonNull("update_id")) {
                id = node.get("update_id").asInt();
                lastUpdateId = Math.max(lastUpdateId, id);
            } else {
                id = ++lastUpdateId;
                node.put("update_id", id);
            }
            queue.add(new QueuedUpdate(id, node, true));
            updatesLock.notifyAll();
            return id;
        }
    }

    /** Highest update_id assigned so far (0 before any update). */
    public int lastUpdateId() {
        synchronized (updatesLock) {
            return lastUpdateId;
        }
    }

    /** Updates queued and not yet confirmed by a getUpdates offset. */
    public int pendingUpdates() {
        synchronized (updatesLock) {
            return queue.size();
        }
    }

    private int enqueue(String kind, ObjectNode payload) {
        synchronized (updatesLock) {
            return enqueueLocked(kind, payload);
        }
    }

    private int enqueueLocked(String kind, ObjectNode payload) {
        int id = ++lastUpdateId;
        ObjectNode update = mapper.createObjectNode();
        update.put("update_id", id);
        update.set(kind, payload);
        queue.add(new QueuedUpdate(id, update, false));
        updatesLock.notifyAll();
        return id;
    }

    private ObjectNode user(long chatId) {
        UserProfile p = profile(chatId);
        ObjectNode u = mapper.createObjectNode();
        u.put("id", chatId).put("is_bot", false).put("first_name", p.firstName());
        if (p.username() != null) {
            u.put("username", p.username());
        }
        if (p.languageCode() != null) {
            u.put("language_code", p.languageCode());
        }
        return u;
    }

    private UserProfile profile(long chatId) {
        return profiles.getOrDefault(chatId, new UserProfile("User" + Math.abs(chatId), "user" + Math.abs(chatId), "en"));
    }

    private ObjectNode chat(long chatId) {
        UserProfile p = profile(chatId);
        ObjectNode c = mapper.createObjectNode();
        c.put("id", chatId);
        c.put("type", chatId < 0 ? "group" : "private");
        if (chatId < 0) {
            c.put("title", "Group " + chatId);
        } else {
            c.put("first_name", p.firstName());
            if (p.username() != null) {
                c.put("username", p.username());
            }
        }
        return c;
    }

    private ObjectNode userMessage(long chatId) {
        ObjectNode m = mapper.createObjectNode();
        m.put("message_id", nextMessageId.getAndIncrement());
        m.set("from", user(chatId));
        m.set("chat", chat(chatId));
        m.put("date", Instant.now().getEpochSecond());
        return m;
    }

    private ObjectNode botUser() {
        ObjectNode u = mapper.createObjectNode();
        u.put("id", botId).put("is_bot", true).put("first_name", "Engagebot Test").put("username", BOT_USERNAME);
        return u;
    }

    private ObjectNode botMessage(long chatId) {
        ObjectNode m = mapper.createObjectNode();
        m.put("message_id", nextMessageId.getAndIncrement());
        m.set("from", botUser());
        m.set("chat", chat(chatId));
        m.put("date", Instant.now().getEpochSecond());
        return m;
    }

    // ------------------------------------------------------------------ recordings

    /**
     * Benchmarks: keep counting sent messages but stop recording calls and message texts, so a long run measures the
     * service's memory, not the fake's recordings. {@link #sent()} and the await helpers then see nothing new.
     */
    public void countOnly() {
        countOnly = true;
    }

    /** sendMessage calls answered with a message (recorded or not). */
    public long sentCount() {
        return sentCount.get();
    }

    public List<SentMessage> sent() {
        synchronized (recLock) {
            return List.copyOf(sent);
        }
    }

    public List<SentMessage> sentTo(long chatId) {
        synchronized (recLock) {
            return sent.stream().filter(m -> m.chatId() == chatId).toList();
        }
    }

    /** Blocks until a message to {@code chatId} matching {@code p} has been sent (earlier ones count). */
    public SentMessage awaitMessage(long chatId, Predicate<SentMessage> p, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (recLock) {
            while (true) {
                for (SentMessage m : sent) {
                    if (m.chatId() == chatId && p.test(m)) {
                        return m;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no message to chat " + chatId + " matched within " + timeout
                            + "; sent to that chat: " + describe(sentTo(chatId)) + "; all sent: " + sent.size());
                }
                waitNanos(left);
            }
        }
    }

    /** Blocks until at least {@code count} messages went to {@code chatId}; returns the first {@code count}. */
    /** Sends text as the user and returns the bot's next message to that chat, which must contain {@code expected}. */
    public SentMessage say(long chatId, String text, String expected, Duration timeout) {
        int seen = sentTo(chatId).size();
        queueText(chatId, text);
        return nextAfter(chatId, seen, expected, timeout);
    }

    /** Taps a button (callback data) as the user and returns the bot's next message, which must contain {@code expected}. */
    public SentMessage tap(long chatId, String data, String expected, Duration timeout) {
        int seen = sentTo(chatId).size();
        queueCallback(chatId, data);
        return nextAfter(chatId, seen, expected, timeout);
    }

    private SentMessage nextAfter(long chatId, int seen, String expected, Duration timeout) {
        SentMessage m = awaitMessages(chatId, seen + 1, timeout).get(seen);
        if (!m.text().contains(expected)) {
            throw new AssertionError("Expected the reply to contain \"" + expected + "\" but it was:\n" + m.text());
        }
        return m;
    }

    public List<SentMessage> awaitMessages(long chatId, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (recLock) {
            while (true) {
                List<SentMessage> to = sentTo(chatId);
                if (to.size() >= count) {
                    return List.copyOf(to.subList(0, count));
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " messages to chat " + chatId + " within "
                            + timeout + " but got " + to.size() + ": " + describe(to));
                }
                waitNanos(left);
            }
        }
    }

    private void waitNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.timedWait(recLock, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for messages", e);
        }
    }

    private static String describe(List<SentMessage> list) {
        StringBuilder sb = new StringBuilder("[");
        for (SentMessage m : list) {
            sb.append("\n  ").append(m.chatId()).append(": ").append(m.text());
            if (!m.inlineKeyboard().isEmpty()) {
                sb.append(" ").append(m.callbackData());
            }
        }
        return sb.append(list.isEmpty() ? "]" : "\n]").toString();
    }

    public List<RecordedCall> calls() {
        synchronized (recLock) {
            return List.copyOf(calls);
        }
    }

    /** Calls of one method, case-insensitive ({@code "sendMessage"} or {@code "sendmessage"}), any status. */
    public int callCount(String method) {
        String key = canonical(method);
        synchronized (recLock) {
            return (int) calls.stream().filter(c -> c.method().equals(key)).count();
        }
    }

    /** Callback query ids the bot answered with answerCallbackQuery, in order. */
    public List<String> answeredCallbacks() {
        synchronized (recLock) {
            return List.copyOf(answeredCallbacks);
        }
    }

    public List<SentDocument> documents() {
        synchronized (recLock) {
            return List.copyOf(documents);
        }
    }

    public List<SentDocument> documentsTo(long chatId) {
        synchronized (recLock) {
            return documents.stream().filter(d -> d.chatId() == chatId).toList();
        }
    }

    public List<EditedMessage> edits() {
        synchronized (recLock) {
            return List.copyOf(edits);
        }
    }

    /** Forgets recorded calls, messages, documents, edits and answered callbacks (not the update queue). */
    public void clearRecordings() {
        synchronized (recLock) {
            sent.clear();
            calls.clear();
            documents.clear();
            edits.clear();
            answeredCallbacks.clear();
        }
        synchronized (faultLock) {
            tooManyRequests = 0;
        }
    }

    // ------------------------------------------------------------------ faults

    /** The next {@code times} calls of {@code method} get HTTP 429 with retry_after {@code retryAfterSeconds}. */
    public void failNextWith429(String method, int times, int retryAfterSeconds) {
        synchronized (faultLock) {
            Deque<Fault> q = faults.computeIfAbsent(canonical(method), k -> new ArrayDeque<>());
            for (int i = 0; i < times; i++) {
                q.add(new Fault(429, "Too Many Requests: retry after " + retryAfterSeconds, retryAfterSeconds));
            }
        }
    }

    /** The next call of {@code method} fails, e.g. {@code failNext("sendMessage", 403, "Forbidden: bot was blocked by the user")}. */
    public void failNext(String method, int httpStatus, String description) {
        synchronized (faultLock) {
            faults.computeIfAbsent(canonical(method), k -> new ArrayDeque<>())
                    .add(new Fault(httpStatus, description, null));
        }
    }

    /** Answers 429 (retry_after 1) to sendMessage calls above {@code perSecond} in any sliding second; 0 turns it off. */
    public void rateCap(int perSecond) {
        synchronized (faultLock) {
            rateCap = perSecond;
            sendWindow.clear();
        }
    }

    /** sendMessage calls rejected by {@link #rateCap(int)}. */
    public int tooManyRequests() {
        synchronized (faultLock) {
            return tooManyRequests;
        }
    }

    /** Delay added to each sendMessage before it is answered. */
    public void latency(Duration latency) {
        this.latency = latency == null ? Duration.ZERO : latency;
    }

    private Fault takeFault(String method) {
        synchronized (faultLock) {
            Deque<Fault> q = faults.get(method);
            Fault f = q == null ? null : q.poll();
            if (f != null) {
                return f;
            }
            if (rateCap > 0 && method.equals("sendMessage")) {
                long now = System.nanoTime();
                while (!sendWindow.isEmpty() && now - sendWindow.peekFirst() >= 1_000_000_000L) {
                    sendWindow.pollFirst();
                }
                if (sendWindow.size() >= rateCap) {
                    tooManyRequests++;
                    return new Fault(429, "Too Many Requests: retry after 1", 1);
                }
                sendWindow.addLast(now);
            }
            return null;
        }
    }

    private static String canonical(String method) {
        return CANONICAL.getOrDefault(method.toLowerCase(Locale.ROOT), method);
    }

    // ------------------------------------------------------------------ HTTP

    private void handle(HttpExchange ex) throws IOException {
        try {
            byte[] raw;
            try (InputStream in = ex.getRequestBody()) {
                raw = in.readAllBytes();
            }
            String path = ex.getRequestURI().getPath();
            Matcher pm = PATH.matcher(path);
            if (!pm.matches()) {
                respond(ex, 404, error(404, "Not Found"));
                return;
            }
            if (!pm.group(1).equals(token)) {
                respond(ex, 401, error(401, "Unauthorized"));
                return;
            }
            String method = canonical(pm.group(2));
            Request req = parse(ex, raw);
            Instant at = Instant.now();

            if (method.equals("sendMessage") && !latency.isZero()) {
                try {
                    Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Fault fault = takeFault(method);
            int status;
            String body;
            if (fault != null) {
                ObjectNode err = error(fault.status(), fault.description());
                if (fault.retryAfter() != null) {
                    err.putObject("parameters").put("retry_after", fault.retryAfter());
                }
                status = fault.status();
                body = err.toString();
            } else {
                JsonNode result;
                try {
                    result = dispatch(method, req);
                } catch (BadRequest e) {
                    status = 400;
                    body = error(400, "Bad Request: " + e.getMessage()).toString();
                    record(method, req, at, status);
                    respond(ex, status, body);
                    return;
                }
                status = 200;
                ObjectNode ok = mapper.createObjectNode();
                ok.put("ok", true);
                ok.set("result", result);
                body = ok.toString();
            }
            record(method, req, at, status);
            respond(ex, status, body);
        } catch (BadRequest e) {
            respond(ex, 400, error(400, "Bad Request: " + e.getMessage()));
        } catch (RuntimeException e) {
            respond(ex, 500, error(500, "Internal Server Error: fake failed: " + e));
        } finally {
            ex.close();
        }
    }

    private void record(String method, Request req, Instant at, int status) {
        if (countOnly) {
            return;
        }
        synchronized (recLock) {
            calls.add(new RecordedCall(method, req.bodyAsJson, at, status));
            recLock.notifyAll();
        }
    }

    private ObjectNode error(int code, String description) {
        ObjectNode err = mapper.createObjectNode();
        err.put("ok", false);
        err.put("error_code", code);
        err.put("description", description);
        return err;
    }

    private void respond(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    private JsonNode dispatch(String method, Request req) {
        return switch (method) {
            case "getMe" -> {
                ObjectNode me = botUser();
                me.put("can_join_groups", true).put("can_read_all_group_messages", false)
                        .put("supports_inline_queries", false);
                yield me;
            }
            case "getUpdates" -> getUpdates(req);
            case "getWebhookInfo" -> {
                ObjectNode info = mapper.createObjectNode();
                info.put("url", "").put("has_custom_certificate", false).put("pending_update_count", pendingUpdates());
                yield info;
            }
            case "sendMessage" -> sendMessage(req);
            case "editMessageText", "editMessageReplyMarkup" -> edit(method, req);
            case "answerCallbackQuery" -> {
                String id = req.text("callback_query_id");
                if (id == null) {
                    throw new BadRequest("callback_query_id is required");
                }
                synchronized (recLock) {
                    answeredCallbacks.add(id);
                }
                yield mapper.getNodeFactory().booleanNode(true);
            }
            case "sendDocument" -> sendDocument(req);
            case "sendPhoto" -> {
                long chatId = req.chatId();
                ObjectNode m = botMessage(chatId);
                ArrayNode photo = m.putArray("photo");
                photo.addObject().put("file_id", "sent-photo-" + m.get("message_id").asInt())
                        .put("file_unique_id", "sp" + m.get("message_id").asInt()).put("width", 800).put("height", 600);
                if (req.text("caption") != null) {
                    m.put("caption", req.text("caption"));
                }
                remember(chatId, m);
                yield m;
            }
            default -> mapper.getNodeFactory().booleanNode(true); // deleteWebhook, setWebhook, sendChatAction, ...
        };
    }

    private JsonNode getUpdates(Request req) {
        int offset = req.intParam("offset", 0);
        int limit = Math.max(1, Math.min(100, req.intParam("limit", 100)));
        int timeoutSec = Math.max(0, req.intParam("timeout", 0));
        long waitNanos = Math.min(TimeUnit.SECONDS.toNanos(timeoutSec), maxLongPoll.toNanos());
        long deadline = System.nanoTime() + waitNanos;
        ArrayNode result = mapper.createArrayNode();
        synchronized (updatesLock) {
            if (offset > 0) {
                queue.removeIf(u -> u.updateId < offset && (!u.raw || u.delivered));
            } else if (offset < 0) {
                int keep = -offset;
                while (queue.size() > keep) {
                    queue.remove(0);
                }
            }
            while (queue.isEmpty() && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(updatesLock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            for (Iterator<QueuedUpdate> it = queue.iterator(); it.hasNext() && result.size() < limit; ) {
                QueuedUpdate u = it.next();
                u.delivered = true;
                result.add(u.json.deepCopy());
            }
        }
        return result;
    }

    private JsonNode sendMessage(Request req) {
        long chatId = req.chatId();
        String text = req.text("text");
        if (text == null || text.isEmpty()) {
            throw new BadRequest("message text is empty");
        }
        String parseMode = req.text("parse_mode");
        JsonNode markup = req.json("reply_markup");
        ObjectNode m = botMessage(chatId);
        m.put("text", text);
        if (markup != null && markup.has("inline_keyboard")) {
            m.set("reply_markup", mapper.createObjectNode().set("inline_keyboard", markup.get("inline_keyboard")));
        }
        sentCount.incrementAndGet();
        if (countOnly) {
            return m;
        }
        remember(chatId, m);
        synchronized (recLock) {
            sent.add(new SentMessage(chatId, text, parseMode, keyboard(markup), Instant.now()));
            recLock.notifyAll();
        }
        return m;
    }

    private JsonNode edit(String method, Request req) {
        String inlineId = req.text("inline_message_id");
        String text = req.text("text");
        if (method.equals("editMessageText") && (text == null || text.isEmpty())) {
            throw new BadRequest("message text is empty");
        }
        JsonNode markup = req.json("reply_markup");
        long chatId = inlineId == null ? req.chatId() : 0;
        int messageId = inlineId == null ? req.intParam("message_id", 0) : 0;
        ObjectNode result = null;
        if (inlineId == null) {
            ObjectNode stored = messages.get(chatId + "/" + messageId);
            if (stored == null) {
                throw new BadRequest("message to edit not found");
            }
            result = stored.deepCopy();
            result.put("edit_date", Instant.now().getEpochSecond());
            if (text != null) {
                result.put("text", text);
            }
            if (markup != null && markup.has("inline_keyboard")) {
                result.set("reply_markup", mapper.createObjectNode().set("inline_keyboard", markup.get("inline_keyboard")));
            } else if (method.equals("editMessageReplyMarkup") || markup == null) {
                result.remove("reply_markup");
            }
            remember(chatId, result);
        }
        synchronized (recLock) {
            edits.add(new EditedMessage(method, chatId, messageId, text, req.text("parse_mode"), keyboard(markup), Instant.now()));
            recLock.notifyAll();
        }
        return result == null ? mapper.getNodeFactory().booleanNode(true) : result;
    }

    private JsonNode sendDocument(Request req) {
        long chatId = req.chatId();
        Part file = req.file("document");
        String filename;
        byte[] bytes;
        if (file != null) {
            filename = file.filename();
            bytes = file.bytes();
        } else {
            filename = req.text("document");
            bytes = new byte[0];
            if (filename == null) {
                throw new BadRequest("there is no document in the request");
            }
        }
        String caption = req.text("caption");
        ObjectNode m = botMessage(chatId);
        m.putObject("document").put("file_name", filename).put("mime_type", "application/octet-stream")
                .put("file_id", "sent-doc-" + m.get("message_id").asInt())
                .put("file_unique_id", "sd" + m.get("message_id").asInt()).put("file_size", bytes.length);
        if (caption != null) {
            m.put("caption", caption);
        }
        remember(chatId, m);
        synchronized (recLock) {
            documents.add(new SentDocument(chatId, filename, bytes, caption, Instant.now()));
            recLock.notifyAll();
        }
        return m;
    }

    private void remember(long chatId, ObjectNode message) {
        messages.put(chatId + "/" + message.get("message_id").asInt(), message);
        lastBotMessage.put(chatId, message);
    }

    private static List<List<Button>> keyboard(JsonNode markup) {
        if (markup == null || !markup.has("inline_keyboard")) {
            return List.of();
        }
        List<List<Button>> rows = new ArrayList<>();
        for (JsonNode row : markup.get("inline_keyboard")) {
            List<Button> buttons = new ArrayList<>();
            for (JsonNode b : row) {
                buttons.add(new Button(textOrNull(b, "text"), textOrNull(b, "callback_data"), textOrNull(b, "url")));
            }
            rows.add(buttons);
        }
        return rows;
    }

    private static String textOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    // ------------------------------------------------------------------ request parsing

    private record Part(String name, String filename, byte[] bytes) {
    }

    private final class Request {
        final ObjectNode params;
        final Map<String, Part> files;
        final String bodyAsJson;

        Request(ObjectNode params, Map<String, Part> files, String bodyAsJson) {
            this.params = params;
            this.files = files;
            this.bodyAsJson = bodyAsJson;
        }

        /**
         * The file for an InputFile parameter: the client sends {@code document=attach://<part>} plus a file
         * part named {@code <part>} (the file name); a part named like the parameter also counts.
         */
        Part file(String param) {
            String ref = text(param);
            if (ref != null && ref.startsWith("attach://")) {
                Part p = files.get(ref.substring("attach://".length()));
                if (p != null) {
                    return p;
                }
            }
            return files.get(param);
        }

        String text(String name) {
            JsonNode n = params.get(name);
            return n == null || n.isNull() ? null : (n.isValueNode() ? n.asText() : n.toString());
        }

        int intParam(String name, int dflt) {
            String t = text(name);
            if (t == null || t.isBlank()) {
                return dflt;
            }
            try {
                return Integer.parseInt(t.trim());
            } catch (NumberFormatException e) {
                throw new BadRequest("bad " + name + ": " + t);
            }
        }

        long chatId() {
            String t = text("chat_id");
            if (t == null || t.isBlank()) {
                throw new BadRequest("chat_id is empty");
            }
            try {
                return Long.parseLong(t.trim());
            } catch (NumberFormatException e) {
                throw new BadRequest("chat not found: " + t);
            }
        }

        /** A parameter that is JSON, whether it came as a JSON value or as a JSON string (form/multipart). */
        JsonNode json(String name) {
            JsonNode n = params.get(name);
            if (n == null || n.isNull()) {
                return null;
            }
            if (n.isTextual()) {
                try {
                    return mapper.readTree(n.asText());
                } catch (Exception e) {
                    throw new BadRequest("can't parse " + name + " JSON object");
                }
            }
            return n;
        }
    }

    private Request parse(HttpExchange ex, byte[] raw) {
        String contentType = Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type")).orElse("");
        String lower = contentType.toLowerCase(Locale.ROOT);
        ObjectNode params = mapper.createObjectNode();
        Map<String, Part> files = new LinkedHashMap<>();
        String query = ex.getRequestURI().getRawQuery();
        if (query != null) {
            formFields(query, params);
        }
        String bodyAsJson;
        if (lower.startsWith("application/json")) {
            String text = new String(raw, StandardCharsets.UTF_8);
            if (!text.isBlank()) {
                try {
                    JsonNode n = mapper.readTree(text);
                    if (n instanceof ObjectNode o) {
                        params.setAll(o);
                    }
                } catch (IOException e) {
                    throw new BadRequest("can't parse JSON body");
                }
            }
            bodyAsJson = query == null ? text : params.toString();
        } else if (lower.startsWith("multipart/form-data")) {
            Matcher bm = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
            if (!bm.find()) {
                throw new BadRequest("multipart without boundary");
            }
            ObjectNode rendered = mapper.createObjectNode();
            for (Part p : multipart(raw, bm.group(1))) {
                if (p.filename() != null) {
                    files.put(p.name(), p);
                    rendered.put(p.name(), "<file " + p.filename() + " (" + p.bytes().length + " bytes)>");
                } else {
                    String v = new String(p.bytes(), StandardCharsets.UTF_8);
                    params.put(p.name(), v);
                    rendered.put(p.name(), v);
                }
            }
            bodyAsJson = rendered.toString();
        } else {
            formFields(new String(raw, StandardCharsets.UTF_8), params);
            bodyAsJson = params.toString();
        }
        return new Request(params, files, bodyAsJson);
    }

    private static void formFields(String encoded, ObjectNode into) {
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            into.put(k, v);
        }
    }

    private static final Pattern NAME = Pattern.compile("(?i)(?:^|;)\\s*name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"");

    private static List<Part> multipart(byte[] body, String boundary) {
        byte[] first = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] delim = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] headerEnd = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int pos = indexOf(body, first, 0);
        if (pos < 0) {
            throw new BadRequest("multipart boundary not found");
        }
        pos += first.length;
        while (pos + 1 < body.length && !(body[pos] == '-' && body[pos + 1] == '-')) {
            pos += 2; // CRLF after the boundary
            int he = indexOf(body, headerEnd, pos);
            if (he < 0) {
                throw new BadRequest("malformed multipart part");
            }
            String headers = new String(body, pos, he - pos, StandardCharsets.UTF_8);
            int start = he + headerEnd.length;
            int end = indexOf(body, delim, start);
            if (end < 0) {
                throw new BadRequest("unterminated multipart part");
            }
            String name = null;
            String filename = null;
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
                    String value = line.substring(line.indexOf(':') + 1);
                    Matcher n = NAME.matcher(value);
                    if (n.find()) {
                        name = n.group(1);
                    }
                    Matcher f = FILENAME.matcher(value);
                    if (f.find()) {
                        filename = f.group(1);
                    }
                }
            }
            byte[] content = java.util.Arrays.copyOfRange(body, start, end);
            if (name != null) {
                parts.add(new Part(name, filename, content));
            }
            pos = end + delim.length;
        }
        return parts;
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
