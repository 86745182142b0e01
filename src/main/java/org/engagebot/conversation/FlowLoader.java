package org.engagebot.conversation;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads conversations/*.yaml (one flow each) and conversations/lists/*.yaml (named option lists such as
 * areas, used by {@code options-from}). Every file is checked against the schema and for references
 * between steps; the first problem stops loading with "file:line: reason".
 */
public final class FlowLoader {
    private final OfficeName office;
    private final boolean trustBundled;
    /** Made on first need: about 250 classes of the schema library and a parse of the schema. */
    private FlowSchema schema;
    /** Trees parsed ahead ({@link FlowReadAhead}), by the bytes they were parsed from. */
    private final Map<ByteBuffer, YamlTree> parsed;

    public FlowLoader() {
        this(OfficeName.defaults());
    }

    /** Flow texts get the office's name where they say {office}. */
    public FlowLoader(OfficeName office) {
        this(office, false, Map.of());
    }

    private FlowLoader(OfficeName office, boolean trustBundled, Map<ByteBuffer, YamlTree> parsed) {
        this.office = office;
        this.trustBundled = trustBundled;
        this.parsed = parsed;
    }

    /**
     * For start-up: a flow file byte for byte the same as the copy bundled in the jar is not checked against the
     * schema again, because the build checked that copy (FlowFilesTest); any other file is. References between
     * steps are always checked.
     */
    static FlowLoader atStart(OfficeName office) {
        return atStart(office, Map.of());
    }

    static FlowLoader atStart(OfficeName office, Map<ByteBuffer, YamlTree> parsed) {
        return new FlowLoader(office, true, parsed);
    }

    public List<FlowDefinition> load(Path dir) {
        return load(FlowFiles.inFolder(dir), false);
    }

    /** {@code bundled}: the files are the jar's own copy. */
    List<FlowDefinition> load(FlowFiles files, boolean bundled) {
        Map<String, PostcodeAreas> postcodes = new HashMap<>();
        Map<String, List<Option>> lists = loadLists(files.lists(), postcodes);
        List<FlowDefinition> flows = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (FlowFiles.File file : files.flows()) {
            boolean checked = trustBundled && (bundled || sameAsBundled(file));
            FlowDefinition flow = loadFlow(file, lists, postcodes, !checked);
            if (!ids.add(flow.id())) {
                throw new FlowDefinitionException(file.fileName() + ":1: duplicate flow id '" + flow.id() + "'");
            }
            flows.add(flow);
        }
        return flows;
    }

    private static boolean sameAsBundled(FlowFiles.File file) {
        return FlowFiles.bundledBytes(FlowLoader.class.getClassLoader(), file.name())
                .filter(b -> Arrays.equals(b, file.bytes())).isPresent();
    }

    private FlowDefinition loadFlow(FlowFiles.File file, Map<String, List<Option>> lists,
                                    Map<String, PostcodeAreas> postcodes, boolean checkSchema) {
        String name = "conversations/" + file.fileName();
        YamlTree tree = parsed.get(ByteBuffer.wrap(file.bytes()));
        try (Reader reader = reader(file)) {
            tree = tree != null ? tree : YamlTree.parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new FlowDefinitionException(name + ":" + line + ": not valid YAML: " + e.getProblem()
                    + " (quote texts that contain ': ', '?', '#' or start with a symbol)");
        } catch (RuntimeException e) {
            throw new FlowDefinitionException(name + ":1: not valid YAML: " + e.getMessage().replace('\n', ' '));
        }
        List<String> problems = checkSchema ? schema().problems(tree) : List.of();
        if (!problems.isEmpty()) {
            String first = problems.get(0);
            int colon = first.indexOf(':');
            throw new FlowDefinitionException(name + ":" + first.substring(5, colon) + ":" + first.substring(colon + 1)
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        }
        return new FlowReader(name, tree, lists, office).withPostcodes(postcodes).read();
    }

    private FlowSchema schema() {
        if (schema == null) {
            schema = new FlowSchema();
        }
        return schema;
    }

    /** The option lists by name; a list file that is a mapping is a postcode table, put into {@code postcodes}. */
    private Map<String, List<Option>> loadLists(List<FlowFiles.File> files, Map<String, PostcodeAreas> postcodes) {
        Map<String, List<Option>> lists = new HashMap<>();
        List<FlowFiles.File> tables = new ArrayList<>();
        for (FlowFiles.File file : files) {
            String name = file.fileName().replaceFirst("\\.ya?ml$", "");
            YamlTree tree = tree(file);
            if (tree.root().isObject()) {
                tables.add(file);
                continue;
            }
            List<Option> options = new ArrayList<>();
            int i = 0;
            for (JsonNode n : tree.root()) {
                if (!n.hasNonNull("value") || !n.hasNonNull("en") || !n.hasNonNull("cy")) {
                    throw new FlowDefinitionException("conversations/lists/" + file.fileName() + ":"
                            + tree.lineOf("/" + i) + ": each option needs value, en and cy");
                }
                options.add(new Option(n.get("value").asText(), new Text(n.get("en").asText(), n.get("cy").asText()),
                        FlowReader.strings(n.get("aliases"))));
                i++;
            }
            lists.put(name, List.copyOf(options));
        }
        for (FlowFiles.File file : tables) {
            PostcodeAreas table = PostcodeTableReader.read("conversations/lists/" + file.fileName(), tree(file), lists);
            postcodes.put(table.list(), table);
        }
        return lists;
    }

    private YamlTree tree(FlowFiles.File file) {
        YamlTree ahead = parsed.get(ByteBuffer.wrap(file.bytes()));
        if (ahead != null) {
            return ahead;
        }
        try (Reader reader = reader(file)) {
            return YamlTree.parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reader reader(FlowFiles.File file) {
        return new InputStreamReader(new ByteArrayInputStream(file.bytes()), StandardCharsets.UTF_8);
    }
}
