package org.engagebot.conversation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a postcode table (conversations/lists/postcodes.yaml): {@code for:} the option list it maps into, and
 * {@code districts:} each district or postcode area to one value of that list or several. Every value must be one of
 * the list's; a mistake stops loading with file, line and reason.
 */
final class PostcodeTableReader {
    private PostcodeTableReader() {
    }

    static PostcodeAreas read(String file, YamlTree tree, Map<String, List<Option>> lists) {
        JsonNode root = tree.root();
        String list = root.path("for").asText("");
        List<Option> options = lists.get(list);
        if (options == null) {
            throw fail(file, tree, "/for", "'for' must name an option list in conversations/lists/");
        }
        JsonNode districts = root.path("districts");
        if (!districts.isObject() || districts.isEmpty()) {
            throw fail(file, tree, "/districts", "'districts' must map postcode districts to values of " + list);
        }
        Map<String, List<String>> out = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = districts.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String pointer = "/districts/" + e.getKey();
            if (!e.getKey().matches("(?i)[A-Z]{1,2}([0-9][A-Z0-9]?)?")) {
                throw fail(file, tree, pointer, "'" + e.getKey() + "' is not a postcode district or area");
            }
            List<String> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> values.add(v.asText()));
            } else {
                values.add(e.getValue().asText());
            }
            for (String v : values) {
                if (options.stream().noneMatch(o -> o.value().equals(v))) {
                    throw fail(file, tree, pointer, "'" + v + "' is not a value of conversations/lists/" + list + ".yaml");
                }
            }
            out.put(e.getKey().toUpperCase(Locale.ROOT), List.copyOf(values));
        }
        return new PostcodeAreas(list, out);
    }

    private static FlowDefinitionException fail(String file, YamlTree tree, String pointer, String reason) {
        return new FlowDefinitionException(file + ":" + tree.lineOf(pointer) + ": " + reason);
    }
}
