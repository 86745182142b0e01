package org.engagebot.contacts;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.engagebot.conversation.Option;
import org.engagebot.conversation.Text;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The areas list (conversations/lists/areas.yaml, the folder beside the service first, else the copy in the jar):
 * the values stored on contacts and their English and Welsh labels.
 */
@Singleton
public class Areas {
    private final List<Option> options;

    Areas(@Value("${engagebot.flows.dir:conversations}") String dir) {
        this.options = load(dir);
    }

    public List<Option> all() {
        return options;
    }

    /** The stored value for a value or a label in either language, ignoring case. */
    public Optional<String> match(String valueOrLabel) {
        String v = valueOrLabel == null ? "" : valueOrLabel.strip().toLowerCase(Locale.ROOT);
        return options.stream().filter(o -> o.value().equalsIgnoreCase(v) || o.label().en().equalsIgnoreCase(v)
                || o.label().cy().equalsIgnoreCase(v)).map(Option::value).findFirst();
    }

    private static List<Option> load(String dir) {
        Path file = Path.of(dir, "lists", "areas.yaml");
        try (InputStream in = Files.isRegularFile(file) ? Files.newInputStream(file)
                : Areas.class.getClassLoader().getResourceAsStream("conversations/lists/areas.yaml")) {
            if (in == null) {
                return List.of();
            }
            Object root = new Yaml().load(in);
            List<Option> out = new ArrayList<>();
            if (root instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> m && m.get("value") != null) {
                        out.add(new Option(m.get("value").toString(), new Text(String.valueOf(m.get("en")),
                                String.valueOf(m.get("cy")))));
                    }
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
