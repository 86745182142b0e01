package org.engagebot;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import org.engagebot.channel.console.ConsoleChat;
import org.engagebot.conversation.Language;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** `java -jar engagebot.jar` serves; `java -jar engagebot.jar chat [--lang cy]` talks to the flows in a terminal. */
public class Application {

    public static void main(String[] args) throws IOException {
        List<String> argv = Arrays.asList(args);
        DataDirectory.prepare();
        if (!argv.isEmpty() && argv.get(0).equals("chat")) {
            chat(argv);
            return;
        }
        Micronaut.run(Application.class, args);
    }

    private static void chat(List<String> argv) throws IOException {
        System.setProperty("ENGAGEBOT_LOG_LEVEL", "warn");
        int lang = argv.indexOf("--lang");
        Language language = lang >= 0 && lang + 1 < argv.size() ? Language.parse(argv.get(lang + 1)).orElse(null) : null;
        try (ApplicationContext ctx = ApplicationContext.builder(Application.class)
                .properties(Map.of("engagebot.chat", "true", "engagebot.telegram.enabled", "false",
                        "engagebot.mail.enabled", "false"))
                .start()) {
            String user = System.getProperty("user.name", "you");
            ctx.getBean(ConsoleChat.class).run(System.in, System.out, "terminal-" + user, language);
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
