package org.engagebot.consultations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.engagebot.conversation.Text;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads POST /api/consultations. A text is {"en","cy"} (both required) or a plain string, which is used for
 * both languages and flags the consultation {@code needsTranslation}. The window is 13 weeks unless a
 * {@code shortReason} explains a shorter one.
 */
final class ConsultationRequest {
    static final Duration GOOD_PRACTICE = Duration.ofDays(7 * 13);
    static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Either a consultation or why the request was refused, naming the request's field (title, closesAt, questions…). */
    record Result(NewConsultation consultation, String error, String field) {
        static Result error(String field, String message) {
            return new Result(null, message, field);
        }
    }

    private boolean untranslated;
    private String error;
    private String errorField;
    private String within;

    static Result read(String body, Instant now) {
        return new ConsultationRequest().parse(body, now);
    }

    private Result parse(String body, Instant now) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (IOException e) {
            return Result.error("body", "body is not JSON");
        }
        if (root == null || !root.isObject()) {
            return Result.error("body", "body must be a JSON object");
        }
        Text title = text(root, "title", true);
        Text summary = text(root, "summary", true);
        Text canChange = text(root, "canChange", false);
        Text cannotChange = text(root, "cannotChange", false);
        Text shortReason = text(root, "shortReason", false);
        List<Question> questions = questions(root.get("questions"));
        Instant opensAt = instant(root, "opensAt", now);
        Instant closesAt = opensAt == null ? null : instant(root, "closesAt", opensAt.plus(GOOD_PRACTICE));
        Audience audience = audience(root.get("audience"));
        if (error == null && !closesAt.isAfter(opensAt)) {
            fail("closesAt", "closesAt must be after opensAt");
        }
        if (error == null && closesAt.isBefore(opensAt.plus(GOOD_PRACTICE)) && shortReason == null) {
            fail("shortReason", "a consultation shorter than 13 weeks needs a shortReason, which is published with it");
        }
        if (error != null) {
            return Result.error(errorField, error);
        }
        return new Result(new NewConsultation(title, summary, canChange, cannotChange, shortReason, questions,
                audience, opensAt, closesAt, untranslated), null, null);
    }

    /** One required text field of a small body such as {"text": ...}; null when absent or malformed. */
    static Text readText(String body, String field) {
        try {
            ConsultationRequest r = new ConsultationRequest();
            Text t = r.text(JSON.readTree(body == null ? "" : body), field, true);
            return r.error == null ? t : null;
        } catch (IOException e) {
            return null;
        }
    }

    private Text text(JsonNode parent, String field, boolean required) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            if (required) {
                fail(within == null ? field : within, field + " is required");
            }
            return null;
        }
        if (node.isTextual()) {
            untranslated = true;
            return new Text(node.asText().strip(), node.asText().strip());
        }
        String en = node.path("en").asText("").strip();
        String cy = node.path("cy").asText("").strip();
        if (!node.isObject() || en.isEmpty() || cy.isEmpty()) {
            fail(within == null ? field : within, field + " must be a string or an object with both \"en\" and \"cy\"");
            return null;
        }
        return new Text(en, cy);
    }

    private List<Question> questions(JsonNode node) {
        within = "questions";
        try {
            return questionList(node);
        } finally {
            within = null;
        }
    }

    private List<Question> questionList(JsonNode node) {
        List<Question> out = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            fail("questions", "questions must be a non-empty list");
            return out;
        }
        if (node.size() > 30) {
            fail("questions", "at most 30 questions");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode q = node.get(i);
            String type = q.path("type").asText("text");
            if (!Question.TYPES.contains(type)) {
                fail("questions", "questions[" + i + "].type must be one of " + Question.TYPES);
                continue;
            }
            Text text = text(q, "text", true);
            List<Text> options = new ArrayList<>();
            if (type.equals("choice") || type.equals("multi")) {
                JsonNode opts = q.get("options");
                if (opts == null || !opts.isArray() || opts.size() < 2 || opts.size() > 20) {
                    fail("questions", "questions[" + i + "].options must list 2 to 20 options");
                    continue;
                }
                for (int j = 0; j < opts.size(); j++) {
                    JsonNode holder = JSON.createObjectNode().set("option", opts.get(j));
                    options.add(text(holder, "option", true));
                }
            }
            out.add(new Question("q" + (i + 1), text, type, options, labels(q, type, i)));
        }
        return out;
    }

    /**
     * A scale's own labels, point 1 first: exactly {@link Question#SCALE}, each in both languages (a participant
     * reads them in hers, and they are what her typed answer is matched against). None: agree/disagree.
     */
    private List<Text> labels(JsonNode q, String type, int i) {
        JsonNode node = q.get("labels");
        if (node == null || node.isNull()) {
            return List.of();
        }
        String name = "questions[" + i + "].labels";
        if (!type.equals("scale")) {
            fail("questions", name + " is only for a scale question (a choice question has options)");
            return List.of();
        }
        if (!node.isArray() || node.size() != Question.SCALE) {
            fail("questions", name + " must list " + Question.SCALE + " labels, point 1 first, each {\"en\", \"cy\"}");
            return List.of();
        }
        List<Text> out = new ArrayList<>();
        for (int j = 0; j < node.size(); j++) {
            JsonNode label = node.get(j);
            // "4 - Fairly safe" typed by staff: the number is added when shown, so it is not kept twice
            String en = label.path("en").asText("").strip().replaceFirst("^" + (j + 1) + "\\s*[-.):]\\s*", "");
            String cy = label.path("cy").asText("").strip().replaceFirst("^" + (j + 1) + "\\s*[-.):]\\s*", "");
            if (!label.isObject() || en.isEmpty() || cy.isEmpty() || en.length() > 100 || cy.length() > 100) {
                fail("questions", name + "[" + j + "] needs both \"en\" and \"cy\", each up to 100 characters");
                return List.of();
            }
            if (out.stream().anyMatch(t -> t.en().equalsIgnoreCase(en) || t.cy().equalsIgnoreCase(cy))) {
                fail("questions", name + "[" + j + "] repeats another label: each point needs its own words");
                return List.of();
            }
            out.add(new Text(en, cy));
        }
        return out;
    }

    private Instant instant(JsonNode root, String field, Instant fallback) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull() || node.asText().isBlank()) {
            return fallback;
        }
        String value = node.asText().strip();
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZONE).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            fail(field, field + " must be an ISO date (2026-03-01) or instant (2026-03-01T09:00:00Z)");
            return fallback;
        }
    }

    private Audience audience(JsonNode node) {
        if (node == null || node.isNull()) {
            return Audience.EVERYONE;
        }
        List<String> sectors = org.engagebot.contacts.OrganisationLists.sectors(list(node, "sectors"), list(node, "remits"));
        if (sectors == null) {
            fail("audience", "audience.sectors must be values of the remit or sector list: "
                    + org.engagebot.contacts.OrganisationLists.values(org.engagebot.contacts.OrganisationLists.SECTORS));
            sectors = List.of();
        }
        return new Audience(list(node, "areas"), list(node, "languages"), list(node, "channels"), list(node, "tags"),
                sectors);
    }

    private List<String> list(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            fail("audience", "audience." + field + " must be a list");
            return null;
        }
        List<String> out = new ArrayList<>();
        node.forEach(v -> out.add(v.asText().strip()));
        return out;
    }

    private void fail(String field, String message) {
        if (error == null) {
            error = message;
            errorField = field;
        }
    }
}
