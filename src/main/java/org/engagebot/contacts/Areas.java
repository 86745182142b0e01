package org.engagebot.contacts;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.engagebot.conversation.Fold;
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

    /**
     * The stored value for a value or a label in either language, ignoring case and accents; several areas
     * separated by ",", ";" or "/" give their values comma-separated in list order ("conwy,gwynedd"), as a
     * contact working in several areas stores them.
     */
    public Optional<String> match(String valueOrLabel) {
        if (valueOrLabel == null || valueOrLabel.isBlank()) {
            return Optional.empty();
        }
        java.util.Set<String> found = new java.util.HashSet<>();
        for (String part : valueOrLabel.split("[,;/]")) {
            String v = Fold.fold(part);
            Optional<String> one = options.stream().filter(o -> Fold.fold(o.value()).equals(v)
                    || Fold.fold(o.label().en()).equals(v) || Fold.fold(o.label().cy()).equals(v)).map(Option::value).findFirst();
            if (one.isEmpty()) {
                return Optional.empty();
            }
            found.add(one.get());
        }
        return Optional.of(String.join(",", options.stream().map(Option::value).filter(found::contains).toList()));
    }

    /** The values of a stored area ("conwy,gwynedd"), for matching one of them. */
    public static List<String> values(String stored) {
        return stored == null || stored.isBlank() ? List.of()
                : java.util.Arrays.stream(stored.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
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
