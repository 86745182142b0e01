package org.engagebot.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The service as a user runs it: its own JVM (with the JVM options a test gives, e.g. -Xmx192m) started from the
 * built classes and dependencies (test classes left out), its own SQLite file in a temp folder, a free port, and
 * its output in {@code service.log}. {@link #start} returns once /health answers; {@link #close} stops it and
 * deletes the folder.
 */
public final class ServiceProcess implements AutoCloseable {
    private final Process process;
    private final Path dir;
    private final int port;

    private ServiceProcess(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    public static ServiceProcess start(List<String> jvmOptions, Map<String, Object> properties) {
        try {
            Path dir = Files.createTempDirectory("engagebot-process");
            int port = freePort();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(classpath());
            if (!properties.containsKey("datasources.default.url")) { // a test may give a shared PostgreSQL one
                command.add("-Ddatasources.default.url=" + TestDatabase.sqliteUrl(dir));
            }
            command.add("-Dmicronaut.server.port=" + port);
            command.add("-Dengagebot.admin.username=admin");
            command.add("-Dengagebot.admin.password=" + TestService.ADMIN_PASSWORD);
            command.add("-Dengagebot.mail.dev-server=false");
            properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.add("org.engagebot.Application");
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("service.log").toFile()).start();
            ServiceProcess service = new ServiceProcess(process, dir, port);
            service.awaitHealth(Duration.ofMinutes(4));
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The classpath this test runs with (surefire's), without test classes: main classes and dependencies. */
    private static String classpath() {
        String all = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(all.split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes" + File.separator))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitHealth(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("service exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("service did not answer /health in " + timeout + ":\n" + logTail());
    }

    /** Ends the process as kill -9 would: no shutdown hooks, nothing given back. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The process id, as the service writes it in its lease holder name (pid@host/…). */
    public long pid() {
        return process.pid();
    }

    public URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public boolean alive() {
        return process.isAlive();
    }

    public Path dir() {
        return dir;
    }

    public String jdbcUrl() {
        return "jdbc:sqlite:" + dir.resolve("engagebot.db");
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("service.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String logTail() {
        String log = log();
        return log.length() > 4000 ? log.substring(log.length() - 4000) : log;
    }

    /** Peak resident memory of the process (VmHWM, kB) where /proc has it. */
    public OptionalLong peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("\\D", "")));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return OptionalLong.empty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the process and deletes its folder (database included: a big-mail test leaves hundreds of MB). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // left for the OS to clean
        }
    }
}
