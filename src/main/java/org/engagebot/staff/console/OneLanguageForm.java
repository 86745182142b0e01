package org.engagebot.staff.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.engagebot.platform.OneLanguagePublishing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The composers' "only one language?" choice (field {@code only}: "", "en" or "cy", and {@code onlyBecause}). Without
 * it every text needs both languages; with it the texts of that language serve both, and the reason goes to the
 * feature, which records it and lets the item go out (the Welsh Language Standards' exception, shown in the report).
 */
record OneLanguageForm(String language, String reason) {

    static OneLanguageForm read(Map<String, String> form) {
        String only = Page.nz(form.get("only"));
        return new OneLanguageForm(only.equals("en") || only.equals("cy") ? only : "", Page.nz(form.get("onlyBecause")));
    }

    boolean chosen() {
        return !language.isEmpty();
    }

    OneLanguagePublishing.Fields fields() {
        return new OneLanguagePublishing.Fields(language, reason);
    }

    /** The first required field left empty ({@code title_cy}…), given the choice; empty when all are there. */
    Optional<String> missing(Map<String, String> form, List<String> required) {
        for (String field : required) {
            for (String lang : chosen() ? List.of(language) : List.of("en", "cy")) {
                if (Page.nz(form.get(field + "_" + lang)).isEmpty()) {
                    return Optional.of(field + "_" + lang);
                }
            }
        }
        if (chosen() && reason.isEmpty()) {
            return Optional.of("onlyBecause");
        }
        return Optional.empty();
    }

    /** What to tell staff about a missing field, in the form's words, in the reader's language. */
    String problem(String field, Map<String, String> labels, ConsoleText t) {
        if (field.equals("onlyBecause")) {
            return t.m(language.equals("cy") ? "one.problem.because-cy" : "one.problem.because-en");
        }
        String label = t.w(labels.getOrDefault(field.substring(0, field.length() - 3), field));
        return t.f(field.endsWith("_cy") && !chosen() ? "one.problem.cy" : field.endsWith("_en") && !chosen()
                ? "one.problem.en" : "one.problem.one", label);
    }

    /** As above, in English. */
    String problem(String field, Map<String, String> labels) {
        if (field.equals("onlyBecause")) {
            return "Say why it goes in " + (language.equals("cy") ? "Welsh" : "English") + " only: the reason is recorded "
                    + "and shown in the report.";
        }
        String label = labels.getOrDefault(field.substring(0, field.length() - 3), field);
        return field.endsWith("_cy") && !chosen()
                ? "Give the Welsh " + label + " (what the office publishes is bilingual), or choose \"English only\" and say why."
                : field.endsWith("_en") && !chosen()
                ? "Give the English " + label + ", or choose \"Welsh only\" and say why."
                : "Give the " + label + ".";
    }

    /** The API's JSON with every {en, cy} pair turned into the chosen language's text, plus the reason fields. */
    ObjectNode applyTo(ObjectNode root) {
        if (!chosen()) {
            return root;
        }
        collapse(root);
        root.put("onlyLanguage", language);
        root.put("onlyBecause", reason);
        return root;
    }

    private void collapse(JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> names = new java.util.ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode child = o.get(name);
                if (isPair(child)) {
                    o.set(name, TextNode.valueOf(pick(child)));
                } else {
                    collapse(child);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (isPair(a.get(i))) {
                    a.set(i, TextNode.valueOf(pick(a.get(i))));
                } else {
                    collapse(a.get(i));
                }
            }
        }
    }

    private static boolean isPair(JsonNode n) {
        return n.isObject() && n.size() == 2 && n.has("en") && n.has("cy");
    }

    private String pick(JsonNode pair) {
        String mine = pair.path(language).asText("");
        return mine.isBlank() ? pair.path(language.equals("en") ? "cy" : "en").asText("") : mine;
    }
}
