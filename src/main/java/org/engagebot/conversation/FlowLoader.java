package org.engagebot.conversation;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads conversations/*.yaml (one flow each) and conversations/lists/*.yaml (named option lists such as
 * areas, used by {@code options-from}). Every file is checked against the schema and for references
 * between steps; the first problem stops loading with "file:line: reason".
 */
public final class FlowLoader {
    private final FlowSchema schema = new FlowSchema();
    private final OfficeName office;

    public FlowLoader() {
        this(OfficeName.defaults());
    }

    /** Flow texts get the office's name where they say {office}. */
    public FlowLoader(OfficeName office) {
        this.office = office;
    }

    public List<FlowDefinition> load(Path dir) {
        Map<String, List<Option>> lists = loadLists(dir.resolve("lists"));
        List<FlowDefinition> flows = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path file : yamlFiles(dir)) {
            FlowDefinition flow = loadFlow(file, lists);
            if (!ids.add(flow.id())) {
                throw new FlowDefinitionException(file.getFileName() + ":1: duplicate flow id '" + flow.id() + "'");
            }
            flows.add(flow);
        }
        return flows;
    }

    FlowDefinition loadFlow(Path file, Map<String, List<Option>> lists) {
        String name = "conversations/" + file.getFileName();
        YamlTree tree;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            tree = YamlTree.parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new FlowDefinitionException(name + ":" + line + ": not valid YAML: " + e.getProblem()
                    + " (quote texts that contain ': ', '?', '#' or start with a symbol)");
        } catch (RuntimeException e) {
            throw new FlowDefinitionException(name + ":1: not valid YAML: " + e.getMessage().replace('\n', ' '));
        }
        List<String> problems = schema.problems(tree);
        if (!problems.isEmpty()) {
            String first = problems.get(0);
            int colon = first.indexOf(':');
            throw new FlowDefinitionException(name + ":" + first.substring(5, colon) + ":" + first.substring(colon + 1)
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        }
        return new FlowReader(name, tree, lists, office).read();
    }

    private Map<String, List<Option>> loadLists(Path listsDir) {
        Map<String, List<Option>> lists = new HashMap<>();
        for (Path file : yamlFiles(listsDir)) {
            String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                YamlTree tree = YamlTree.parse(reader);
                List<Option> options = new ArrayList<>();
                int i = 0;
                for (JsonNode n : tree.root()) {
                    if (!n.hasNonNull("value") || !n.hasNonNull("en") || !n.hasNonNull("cy")) {
                        throw new FlowDefinitionException("conversations/lists/" + file.getFileName() + ":"
                                + tree.lineOf("/" + i) + ": each option needs value, en and cy");
                    }
                    options.add(new Option(n.get("value").asText(), new Text(n.get("en").asText(), n.get("cy").asText()),
                            FlowReader.strings(n.get("aliases"))));
                    i++;
                }
                lists.put(name, List.copyOf(options));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lists;
    }

    private static List<Path> yamlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml$")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
