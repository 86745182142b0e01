package org.engagebot.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole service on a random port with its own SQLite file in a temp folder (or its own PostgreSQL database:
 * {@link TestDatabase}), for *IT tests. The first
 * admin is "admin" / {@link #ADMIN_PASSWORD}. {@link #restart()} stops and starts it on the same file, as
 * a crash and redeploy would. Talk to it with {@link #get}/{@link #post} (HTTP Basic as admin).
 */
public final class TestService implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "correct-horse-battery";
    private final Path dir;
    private final Map<String, Object> properties;
    private EmbeddedServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestService(Path dir, Map<String, Object> properties) {
        this.dir = dir;
        this.properties = properties;
    }

    public static TestService start(Map<String, Object> extra) {
        try {
            Path dir = Files.createTempDirectory("engagebot-it");
            Map<String, Object> props = new HashMap<>();
            props.putAll(TestDatabase.properties(dir));
            props.put("micronaut.server.port", -1);
            props.put("engagebot.admin.username", "admin");
            props.put("engagebot.admin.password", ADMIN_PASSWORD);
            props.put("engagebot.flows.dir", "conversations");
            props.putAll(extra);
            TestService service = new TestService(dir, props);
            service.boot();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestService start() {
        return start(Map.of());
    }

    private void boot() {
        server = ApplicationContext.run(EmbeddedServer.class, properties);
    }

    /** Stops and starts the service on the same database, keeping the port random. */
    public void restart() {
        server.stop();
        boot();
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    public <T> T bean(Class<T> type) {
        return context().getBean(type);
    }

    public URI url(String path) {
        return URI.create(server.getURL().toString() + path);
    }

    public Path dir() {
        return dir;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(url(path)).header("Authorization", basic("admin", ADMIN_PASSWORD)).GET().build());
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(url(path)).header("Authorization", basic("admin", ADMIN_PASSWORD))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
    }
}
