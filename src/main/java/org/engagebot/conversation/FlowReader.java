package org.engagebot.conversation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns one schema-valid flow document into a {@link FlowDefinition}, checking references between steps. */
final class FlowReader {
    private final String file;
    private final YamlTree tree;
    private final Map<String, List<Option>> lists;
    private final OfficeName office;
    private Map<String, PostcodeAreas> postcodes = Map.of();

    FlowReader(String file, YamlTree tree, Map<String, List<Option>> lists, OfficeName office) {
        this.file = file;
        this.tree = tree;
        this.lists = lists;
        this.office = office;
    }

    /** Postcode tables by the option list they map into (lists/postcodes.yaml's {@code for}). */
    FlowReader withPostcodes(Map<String, PostcodeAreas> byList) {
        this.postcodes = byList;
        return this;
    }

    FlowDefinition read() {
        JsonNode root = tree.root();
        List<Step> steps = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonNode stepNodes = root.get("steps");
        for (int i = 0; i < stepNodes.size(); i++) {
            Step step = step(stepNodes.get(i), "/steps/" + i, seen, steps);
            seen.add(step.id());
            steps.add(step);
        }
        return new FlowDefinition(root.get("id").asText(), file, text(root.get("title")),
                root.has("intro") ? text(root.get("intro")) : null, strings(root.get("commands")),
                strings(root.get("keywords")), root.path("menu").asBoolean(false), root.path("confirm").asBoolean(true),
                root.get("action").asText(), steps, root.has("fallback") ? text(root.get("fallback")) : null);
    }

    private Step step(JsonNode n, String pointer, Set<String> earlier, List<Step> previous) {
        String id = n.get("id").asText();
        if (earlier.contains(id)) {
            throw fail(pointer + "/id", "duplicate step id '" + id + "'");
        }
        Condition when = null;
        if (n.has("when")) {
            String target = n.get("when").get("step").asText();
            if (!earlier.contains(target)) {
                throw fail(pointer + "/when/step", "condition refers to '" + target + "', which is not an earlier step");
            }
            when = new Condition(target, strings(n.get("when").get("any-of")));
        }
        return new Step(id, type(n, pointer), text(n.get("prompt")), text(n.get("label")),
                n.has("hint") ? text(n.get("hint")) : null, n.path("optional").asBoolean(false), when,
                n.has("prefill") ? n.get("prefill").asText() : null, postcodes(n, pointer, earlier));
    }

    /** The postcode table of the step's option list, if it has one, and the earlier step {@code postcode-from} names. */
    private Step.Postcodes postcodes(JsonNode n, String pointer, Set<String> earlier) {
        PostcodeAreas table = n.has("options-from") ? postcodes.get(n.get("options-from").asText()) : null;
        String from = n.has("postcode-from") ? n.get("postcode-from").asText() : null;
        if (from != null && table == null) {
            throw fail(pointer + "/postcode-from", "postcode-from needs options-from a list with a postcode table in conversations/lists/");
        }
        if (from != null && !earlier.contains(from)) {
            throw fail(pointer + "/postcode-from", "postcode-from refers to '" + from + "', which is not an earlier step");
        }
        return table == null ? null : new Step.Postcodes(table, from);
    }

    private StepType type(JsonNode n, String pointer) {
        return switch (n.get("type").asText()) {
            case "text" -> new StepType.FreeText(n.path("min").asInt(0), n.path("max").asInt(1000));
            case "email" -> new StepType.Email();
            case "phone" -> new StepType.Phone();
            case "url" -> new StepType.Url();
            case "postcode" -> new StepType.Postcode();
            case "choice" -> new StepType.SingleChoice(options(n, pointer));
            case "multi-choice" -> new StepType.MultiChoice(options(n, pointer), n.path("min").asInt(1), n.path("max").asInt(0));
            case "yes-no" -> new StepType.YesNo(verb(n, pointer));
            case "date" -> new StepType.Date(n.path("future").asBoolean(false), n.path("past").asBoolean(false));
            case "consent" -> new StepType.Consent(n.get("purpose").asText(), n.get("version").asText(),
                    n.path("required").asBoolean(false), verb(n, pointer));
            default -> throw fail(pointer + "/type", "unknown step type");
        };
    }

    /** The Welsh verb named by {@code yes-no: {verb: …}}, else the one the Welsh prompt asks with. */
    private String verb(JsonNode n, String pointer) {
        JsonNode named = n.path("yes-no").path("verb");
        if (named.isMissingNode()) {
            return AnswerWords.verbOf(n.path("prompt").path("cy").asText(null));
        }
        if (!AnswerWords.knownVerb(named.asText())) {
            throw fail(pointer + "/yes-no/verb", "unknown verb '" + named.asText()
                    + "' (see welsh-verbs in answers/vocabulary.yaml)");
        }
        return named.asText();
    }

    private List<Option> options(JsonNode n, String pointer) {
        if (n.has("options-from")) {
            String list = n.get("options-from").asText();
            List<Option> options = lists.get(list);
            if (options == null) {
                throw fail(pointer + "/options-from", "no list conversations/lists/" + list + ".yaml");
            }
            return options;
        }
        List<Option> options = new ArrayList<>();
        for (JsonNode o : n.get("options")) {
            options.add(new Option(o.get("value").asText(), new Text(o.get("en").asText(), o.get("cy").asText()),
                    strings(o.get("aliases"))));
        }
        return options;
    }

    private Text text(JsonNode n) {
        return office.apply(new Text(n.get("en").asText(), n.get("cy").asText()));
    }

    static List<String> strings(JsonNode n) {
        List<String> values = new ArrayList<>();
        if (n != null) {
            n.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    private FlowDefinitionException fail(String pointer, String reason) {
        return new FlowDefinitionException(file + ":" + tree.lineOf(pointer) + ": " + reason);
    }
}
