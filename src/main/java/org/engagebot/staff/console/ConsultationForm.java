package org.engagebot.staff.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.engagebot.contacts.Areas;

import java.util.Map;

/**
 * Turns the console's consultation form into the JSON POST /api/consultations takes, so both are checked by the
 * same rules. Questions are one a line: {@code type | English | Welsh | option en / option cy ; ...}; for a scale the
 * last part, when given, is its five point labels, 1 first ({@code Very unsafe / Anniogel iawn ; ...}).
 */
final class ConsultationForm {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConsultationForm() {
    }

    static String json(Map<String, String> form, Areas areas) {
        return OneLanguageForm.read(form).applyTo(AudienceForm.read(form, areas).applyTo(bilingual(form))).toString();
    }

    private static ObjectNode bilingual(Map<String, String> form) {
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
                // a scale's fourth part is its own point labels, 1 first; a label without Welsh is refused, not copied
                boolean scale = parts[0].strip().equalsIgnoreCase("scale");
                ArrayNode options = q.putArray(scale ? "labels" : "options");
                for (String option : parts[3].split(";")) {
                    String[] enCy = option.split("/", 2);
                    options.add(pair(enCy[0], enCy.length > 1 ? enCy[1] : scale ? "" : enCy[0]));
                }
            }
        }
        return root;
    }

    /** The form's labels for the request's fields. */
    private static final Map<String, String> LABELS = Map.of("title", "title", "summary", "summary",
            "canChange", "what can change", "cannotChange", "what cannot change",
            "shortReason", "reason for the shorter window", "opensAt", "opening date", "closesAt", "closing date");

    /** The form field (its id) to mark for a refused request field; the questions box for anything else. */
    static String formField(String apiField) {
        return switch (apiField == null ? "" : apiField) {
            case "title", "summary", "canChange", "cannotChange", "shortReason" -> apiField + "_en";
            case "opensAt" -> "opens";
            case "closesAt" -> "closes";
            case "onlyBecause", "onlyLanguage" -> "onlyBecause";
            default -> "questions";
        };
    }

    /** What the API refused, in the words of the console's form, from the field it named. */
    static String readable(String apiField, String apiError) {
        return readable(apiField, apiError, ConsoleText.EN);
    }

    /** As above, in the reader's language. */
    static String readable(String apiField, String apiError, ConsoleText t) {
        String field = apiField == null ? "" : apiField;
        return switch (field) {
            case "shortReason" -> t.m("consultation.problem.short");
            case "closesAt" -> t.m(apiError.contains("after") ? "consultation.problem.closes-after"
                    : "consultation.problem.closes");
            case "opensAt" -> t.m("consultation.problem.opens");
            case "title", "summary", "canChange", "cannotChange" -> t.f("consultation.problem.both",
                    t.w(LABELS.get(field)));
            case "onlyBecause", "onlyLanguage" -> t.m("consultation.problem.because");
            default -> questionProblem(apiError == null ? "" : apiError, t);
        };
    }

    private static final java.util.regex.Pattern NUMBERED = java.util.regex.Pattern.compile("questions\\[(\\d+)]\\.(type|options|labels).*");

    /** What is wrong with the question lines, as a whole sentence naming the line (counted from 1). */
    private static String questionProblem(String apiError, ConsoleText t) {
        java.util.regex.Matcher m = NUMBERED.matcher(apiError);
        if (m.matches()) {
            return t.f("consultation.problem.question-" + m.group(2), Integer.parseInt(m.group(1)) + 1);
        }
        if (apiError.startsWith("at most")) {
            return t.m("consultation.problem.questions-many");
        }
        if (apiError.startsWith("questions")) {
            return t.m("consultation.problem.questions-none");
        }
        return t.m("consultation.problem.questions-text");
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
