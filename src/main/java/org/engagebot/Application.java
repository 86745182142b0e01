package org.engagebot;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import org.engagebot.channel.console.ConsoleChat;
import org.engagebot.conversation.FlowReadAhead;
import org.engagebot.conversation.Language;
import org.engagebot.platform.DatabaseCopy;
import org.engagebot.platform.SchemaReadAhead;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * `java -jar engagebot.jar` serves; `java -jar engagebot.jar chat [--lang cy]` talks to the flows in a terminal;
 * `java -XX:ArchiveClassesAtExit=engagebot.jsa -jar engagebot.jar cds-training` writes the AppCDS archive that
 * `-XX:SharedArchiveFile=engagebot.jsa` starts faster with (the build and the Dockerfile run it);
 * `java -jar engagebot.jar copy-from jdbc:sqlite:./data/engagebot.db [--overwrite]` copies a SQLite database into
 * the PostgreSQL one DATASOURCES_DEFAULT_URL names ({@link DatabaseCopy}).
 */
public class Application {

    public static void main(String[] args) throws IOException {
        List<String> argv = Arrays.asList(args);
        if (!argv.isEmpty() && (argv.get(0).equals("cds-training") || argv.get(0).equals("cds-migrate"))) {
            cdsTraining(argv.get(0).equals("cds-migrate"), argv.size() > 1 ? argv.get(1) : null);
            return;
        }
        if (!argv.isEmpty() && argv.get(0).equals("copy-from")) {
            System.exit(copyFrom(argv));
        }
        boolean chat = !argv.isEmpty() && argv.get(0).equals("chat");
        if (chat) {
            // before anything logs: the read-ahead thread may be the one that starts Logback (platform/LogSetup)
            System.setProperty("ENGAGEBOT_LOG_LEVEL", "warn");
        }
        DataDirectory.prepare();
        readAhead();
        if (chat) {
            chat(argv);
            return;
        }
        Micronaut.run(Application.class, args);
    }

    /**
     * Reading the bundled migrations and the flows does not need the context: a thread of its own does it while the
     * main thread builds the context, and the beans that need them take the result (SchemaMigration, FlowRegistry).
     * Neither does loading SQLite's native library, which the pool's first connection waits for: sqlite-jdbc copies
     * it out of its jar and compares the copy byte by byte at every start (about 6% of the main thread's start-up,
     * 10% of the chat's), so that thread does it first, while the main thread reads the configuration.
     */
    private static void readAhead() {
        String url = setting("datasources.default.url", "DATASOURCES_DEFAULT_URL");
        String jdbcUrl = url != null ? url : "jdbc:sqlite:./data/engagebot.db";
        String flows = setting("engagebot.flows.dir", "ENGAGEBOT_FLOWS_DIR");
        Runnable migrations = SchemaReadAhead.forUrl(jdbcUrl);
        Runnable conversations = FlowReadAhead.prepare(flows != null ? flows : "conversations");
        Thread thread = new Thread(() -> {
            if (jdbcUrl.startsWith("jdbc:sqlite:")) {
                loadSqlite();
            }
            migrations.run();
            conversations.run();
        }, "read-ahead");
        thread.setDaemon(true);
        thread.start();
    }

    /** Synchronised in sqlite-jdbc: the first connection waits for it, or loads it itself if this failed. */
    private static void loadSqlite() {
        try {
            org.sqlite.SQLiteJDBCLoader.initialize();
        } catch (Exception | LinkageError e) {
            // the pool's first connection tries again and reports it
        }
    }

    private static int copyFrom(List<String> argv) {
        String target = setting("datasources.default.url", "DATASOURCES_DEFAULT_URL");
        if (argv.size() < 2 || target == null) {
            System.err.println("Usage: DATASOURCES_DEFAULT_URL=jdbc:postgresql://host/db DATASOURCES_DEFAULT_USERNAME=… "
                    + "DATASOURCES_DEFAULT_PASSWORD=… java -jar engagebot.jar copy-from jdbc:sqlite:./data/engagebot.db [--overwrite]");
            return 2;
        }
        DatabaseCopy copy = new DatabaseCopy(System.out);
        try {
            DatabaseCopy.Result result = copy.copy(argv.get(1), target,
                    setting("datasources.default.username", "DATASOURCES_DEFAULT_USERNAME"),
                    setting("datasources.default.password", "DATASOURCES_DEFAULT_PASSWORD"), argv.contains("--overwrite"));
            copy.print(result);
            return result.matches() ? 0 : 1;
        } catch (java.sql.SQLException | RuntimeException e) {
            System.err.println("Not copied: " + e.getMessage());
            return 1;
        }
    }

    private static String setting(String property, String env) {
        return System.getProperty(property, System.getenv(env));
    }

    /**
     * Only what the terminal chat uses: the pipeline, the engine and the outbox with its console sender. No HTTP
     * server (a context, not Micronaut.run), no Telegram or mail, no metrics (nothing scrapes a terminal), and
     * {@code engagebot.chat} leaves out the timed jobs and the staff bootstrap, which belong to the service.
     */
    private static void chat(List<String> argv) throws IOException {
        int lang = argv.indexOf("--lang");
        Language language = lang >= 0 && lang + 1 < argv.size() ? Language.parse(argv.get(lang + 1)).orElse(null) : null;
        try (ApplicationContext ctx = ApplicationContext.builder(Application.class)
                .properties(Map.of("engagebot.chat", "true", "engagebot.telegram.enabled", "false",
                        "engagebot.mail.enabled", "false", "micronaut.metrics.enabled", "false",
                        "engagebot.newsletters.scheduler.enabled", "false"))
                .start()) {
            String user = System.getProperty("user.name", "you");
            ctx.getBean(ConsoleChat.class).run(System.in, System.out, "terminal-" + user, language);
        }
    }

    /**
     * One start against a throwaway database that a child JVM has already migrated, a first /health, and exit: run
     * under -XX:ArchiveClassesAtExit, the JVM archives every class this loaded, which is what an ordinary start of an
     * up-to-date database loads, the warm-up's after the server listens included. Migrating in this JVM would archive
     * Flyway's classes, and a first page Thymeleaf's (about 2,000 classes a start never uses): each start maps and
     * relocates the whole archive, so every archived class costs resident memory whether used or not. Email (no dev
     * server), Telegram and the configured database are left alone, whatever the environment says.
     */
    private static void cdsTraining(boolean migrateOnly, String database) throws IOException {
        Path dir = database == null ? Files.createTempDirectory("engagebot-cds") : null;
        String url = database != null ? database : "jdbc:sqlite:" + dir.resolve("engagebot.db");
        System.setProperty("datasources.default.url", url);
        System.setProperty("micronaut.server.port", "-1");
        System.setProperty("engagebot.mail.enabled", "false");
        System.setProperty("engagebot.telegram.enabled", "false");
        int status = 0;
        try {
            if (!migrateOnly) {
                migrateInChild(url);
                readAhead();
            }
            try (ApplicationContext ctx = Micronaut.run(Application.class)) {
                if (!migrateOnly) {
                    // the classes the warm-up loads after the server listens are loaded at every start too: archived
                    var warmUp = ctx.findBean(org.engagebot.channel.WarmUp.class);
                    if (warmUp.isPresent()) {
                        warmUp.get().await(java.time.Duration.ofMinutes(2));
                    }
                    int port = ctx.getBean(EmbeddedServer.class).getPort();
                    HttpURLConnection c = (HttpURLConnection) new URL("http://localhost:" + port + "/health").openConnection();
                    try (InputStream in = c.getResponseCode() < 400 ? c.getInputStream() : c.getErrorStream()) {
                        if (in != null) {
                            in.readAllBytes();
                        }
                    }
                }
            }
        } catch (RuntimeException | InterruptedException e) {
            e.printStackTrace();
            status = 1;
        } finally {
            if (dir != null) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
        System.exit(status);
    }

    /** The same jar in a JVM of its own (no archive written): one start that migrates the database, then exit. */
    private static void migrateInChild(String url) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Application.class.getName(), "cds-migrate", url).inheritIO().start();
        if (child.waitFor() != 0) {
            throw new IllegalStateException("migrating the training database failed");
        }
    }

    /** SQLite creates the database file but not its folder. */
    static final class DataDirectory {
        static void prepare() throws IOException {
            String url = System.getenv().getOrDefault("DATASOURCES_DEFAULT_URL",
                    System.getProperty("datasources.default.url", "jdbc:sqlite:./data/engagebot.db"));
            if (url.startsWith("jdbc:sqlite:") && !url.contains(":memory:")) {
                Path parent = Path.of(url.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", "")).toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            }
        }
    }
}
