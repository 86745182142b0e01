package org.engagebot.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.Reader;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document as a JSON tree (for schema validation) that remembers the source line of every node,
 * keyed by JSON pointer, so that errors can name file and line. A mapping's value is placed on the line of
 * its key, so a block object ("prompt:" then indented "en:") is reported where it is named.
 */
record YamlTree(JsonNode root, Map<String, Integer> lines) {

    static YamlTree parse(Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        Node node = new Yaml(options).compose(reader);
        Map<String, Integer> lines = new HashMap<>();
        JsonNode root = node == null ? JsonNodeFactory.instance.nullNode() : convert(node, "", lines);
        return new YamlTree(root, lines);
    }

    /** The line of the node at the pointer, or of its nearest parent that has one. */
    int lineOf(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 1;
            }
            p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        }
    }

    private static JsonNode convert(Node node, String pointer, Map<String, Integer> lines) {
        lines.put(pointer, node.getStartMark().getLine() + 1);
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof MappingNode map) {
            ObjectNode obj = f.objectNode();
            for (NodeTuple t : map.getValue()) {
                String key = ((ScalarNode) t.getKeyNode()).getValue();
                obj.set(key, convert(t.getValueNode(), pointer + "/" + key, lines));
                lines.put(pointer + "/" + key, t.getKeyNode().getStartMark().getLine() + 1);
            }
            return obj;
        }
        if (node instanceof SequenceNode seq) {
            ArrayNode arr = f.arrayNode();
            for (int i = 0; i < seq.getValue().size(); i++) {
                arr.add(convert(seq.getValue().get(i), pointer + "/" + i, lines));
            }
            return arr;
        }
        ScalarNode scalar = (ScalarNode) node;
        String value = scalar.getValue();
        Tag tag = scalar.getTag();
        if (Tag.BOOL.equals(tag)) {
            return f.booleanNode(Boolean.parseBoolean(value.toLowerCase()));
        }
        if (Tag.INT.equals(tag)) {
            return f.numberNode(Long.parseLong(value.replace("_", "")));
        }
        if (Tag.NULL.equals(tag)) {
            return f.nullNode();
        }
        return f.textNode(value);
    }
}
