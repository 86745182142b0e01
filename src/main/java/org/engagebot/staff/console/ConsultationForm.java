package org.engagebot.staff.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Turns the console's consultation form into the JSON POST /api/consultations takes, so both are checked by the
 * same rules. Questions are one a line: {@code type | English | Welsh | option en / option cy ; ...}.
 */
final class ConsultationForm {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConsultationForm() {
    }

    static String json(Map<String, String> form) {
        ObjectNode root = JSON.createObjectNode();
        root.set("title", text(form, "title"));
        root.set("summary", text(form, "summary"));
        for (String optional : new String[]{"canChange", "cannotChange", "shortReason"}) {
            ObjectNode pair = text(form, optional);
            if (!pair.path("en").asText().isEmpty() || !pair.path("cy").asText().isEmpty()) {
                root.set(optional, pair);
            }
        }
        String opens = Page.nz(form.get("opens"));
        if (!opens.isEmpty()) {
            root.put("opensAt", opens);
        }
        String closes = Page.nz(form.get("closes"));
        if (!closes.isEmpty()) {
            root.put("closesAt", closes);
        }
        ArrayNode questions = root.putArray("questions");
        for (String line : Page.nz(form.get("questions")).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|");
            ObjectNode q = questions.addObject();
            q.put("type", parts[0].strip().toLowerCase());
            q.set("text", pair(parts.length > 1 ? parts[1] : "", parts.length > 2 ? parts[2] : ""));
            if (parts.length > 3) {
                ArrayNode options = q.putArray("options");
                for (String option : parts[3].split(";")) {
                    String[] enCy = option.split("/", 2);
                    options.add(pair(enCy[0], enCy.length > 1 ? enCy[1] : enCy[0]));
                }
            }
        }
        return root.toString();
    }

    /** The API's error in the words of the console's form (its field names are the form's labels). */
    static String readable(String apiError) {
        return apiError.replace("a shortReason", "a reason for the shorter window (both languages)")
                .replace("shortReason", "the reason for the shorter window").replace("closesAt", "the closing date")
                .replace("opensAt", "the opening date").replace("canChange", "what can change")
                .replace("cannotChange", "what cannot change");
    }

    private static ObjectNode text(Map<String, String> form, String field) {
        return pair(Page.nz(form.get(field + "_en")), Page.nz(form.get(field + "_cy")));
    }

    private static ObjectNode pair(String en, String cy) {
        ObjectNode n = JSON.createObjectNode();
        n.put("en", en.strip());
        n.put("cy", cy.strip());
        return n;
    }
}
