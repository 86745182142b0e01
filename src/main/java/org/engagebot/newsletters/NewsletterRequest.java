package org.engagebot.newsletters;

import org.engagebot.contacts.OrganisationLists;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.engagebot.conversation.Text;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads POST /api/newsletters: {title, body, audience?, tags?}. Title and body are a string (the same in both
 * languages) or {"en", "cy"}. Tags are any of event, consultation, funding. A mistake is a readable message.
 */
record NewsletterRequest(Text title, Text body, List<String> tags, Audience audience) {
    static final Set<String> TAGS = Set.of("event", "consultation", "funding");
    private static final ObjectMapper JSON = new ObjectMapper();

    sealed interface Parsed permits Ok, Invalid {
    }

    record Ok(NewsletterRequest request) implements Parsed {
    }

    record Invalid(String error) implements Parsed {
    }

    static Parsed parse(String json) {
        JsonNode root;
        try {
            root = json == null ? null : JSON.readTree(json);
        } catch (IOException e) {
            return new Invalid("body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            return new Invalid("expected a JSON object {title, body, audience?, tags?}");
        }
        Text title = text(root.get("title"));
        Text body = text(root.get("body"));
        if (title == null || body == null) {
            return new Invalid("title and body are required, each a string or {\"en\": ..., \"cy\": ...}");
        }
        List<String> tags = new ArrayList<>();
        for (JsonNode tag : root.path("tags")) {
            String t = tag.asText("").strip().toLowerCase(Locale.ROOT);
            if (!TAGS.contains(t)) {
                return new Invalid("unknown tag '" + t + "'; use event, consultation or funding");
            }
            tags.add(t);
        }
        JsonNode a = root.get("audience");
        if (a != null && !a.isNull() && !a.isObject()) {
            return new Invalid("audience must be an object {areas?, languages?, channels?, tags?}");
        }
        List<String> sectors = a == null || a.isNull() ? List.of()
                : OrganisationLists.sectors(list(a.get("sectors")), list(a.get("remits")));
        if (sectors == null) {
            return new Invalid("audience.sectors must be values of the remit or sector list: "
                    + OrganisationLists.values(OrganisationLists.SECTORS));
        }
        Audience audience = a == null || a.isNull() ? Audience.EVERYONE
                : new Audience(list(a.get("areas")), list(a.get("languages")), list(a.get("channels")), list(a.get("tags")),
                sectors);
        return new Ok(new NewsletterRequest(title, body, List.copyOf(tags), audience));
    }

    private static Text text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText().isBlank() ? null : new Text(node.asText(), node.asText());
        }
        String en = node.path("en").asText("");
        String cy = node.path("cy").asText("");
        return en.isBlank() || cy.isBlank() ? null : new Text(en, cy);
    }

    private static List<String> list(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else if (node != null && node.isTextual()) {
            values.add(node.asText());
        }
        return values;
    }
}
