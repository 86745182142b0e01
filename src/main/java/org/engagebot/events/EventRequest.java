package org.engagebot.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.engagebot.conversation.Text;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads POST /api/events. A text is {"en","cy"} or a plain string (used for both languages, and the event is
 * flagged {@code needsTranslation}). Times are ISO-8601 with an offset ("2026-12-03T10:00:00Z", "+01:00") or
 * local to Europe/London ("2026-12-03T10:00"). The event needs a place or an online link; it ends 2 hours after
 * it starts unless told, and takes questions until 2 days before it starts unless told.
 */
final class EventRequest {
    static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Either an event or why the request was refused. */
    record Result(NewEvent event, String error) {
    }

    private boolean untranslated;
    private String error;

    static Result read(String body, Instant now) {
        return new EventRequest().parse(body, now);
    }

    private Result parse(String body, Instant now) {
        JsonNode root = JsonText.object(body);
        if (root == null) {
            return new Result(null, "body must be a JSON object");
        }
        Text title = text(root, "title", true);
        Text description = text(root, "description", true);
        Instant startsAt = instant(root, "startsAt", null);
        if (startsAt == null) {
            fail("startsAt is required");
            return new Result(null, error);
        }
        Instant endsAt = instant(root, "endsAt", startsAt.plus(Duration.ofHours(2)));
        Instant questionsCloseAt = instant(root, "questionsCloseAt", startsAt.minus(Duration.ofDays(2)));
        String place = plain(root, "place", 500);
        Text access = text(root, "access", false);
        String online = url(root, "online");
        Integer capacity = capacity(root);
        Audience audience = audience(root.get("audience"));
        check(endsAt.isAfter(startsAt), "endsAt must be after startsAt");
        check(startsAt.isAfter(now), "startsAt must be in the future");
        check(!questionsCloseAt.isAfter(startsAt), "questionsCloseAt must not be after startsAt");
        check(place != null || online != null, "give a place, an online link, or both");
        if (error != null) {
            return new Result(null, error);
        }
        return new Result(new NewEvent(title, description, startsAt, endsAt, place, access, online, capacity, audience,
                questionsCloseAt, untranslated), null);
    }

    private Text text(JsonNode parent, String field, boolean required) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            check(!required, field + " is required");
            return null;
        }
        if (node.isTextual()) {
            untranslated = true;
            return new Text(node.asText().strip(), node.asText().strip());
        }
        String en = node.path("en").asText("").strip();
        String cy = node.path("cy").asText("").strip();
        if (!node.isObject() || en.isEmpty() || cy.isEmpty()) {
            fail(field + " must be a string or an object with both \"en\" and \"cy\"");
            return null;
        }
        return new Text(en, cy);
    }

    private String plain(JsonNode root, String field, int max) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull() || node.asText().isBlank()) {
            return null;
        }
        String value = node.asText().strip();
        check(value.length() <= max, field + " is longer than " + max + " characters");
        return value;
    }

    private String url(JsonNode root, String field) {
        String value = plain(root, field, 1000);
        if (value == null) {
            return null;
        }
        try {
            URI uri = URI.create(value);
            check(("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null, field + " must be an http(s) link");
        } catch (IllegalArgumentException e) {
            fail(field + " must be an http(s) link");
        }
        return value;
    }

    private Integer capacity(JsonNode root) {
        JsonNode node = root.get("capacity");
        if (node == null || node.isNull()) {
            return null;
        }
        check(node.canConvertToInt() && node.asInt() > 0 && node.asInt() <= 100_000 && node.isIntegralNumber(),
                "capacity must be a whole number from 1");
        return node.asInt();
    }

    private Instant instant(JsonNode root, String field, Instant fallback) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull() || node.asText().isBlank()) {
            return fallback;
        }
        Instant parsed = parseTime(node.asText().strip());
        if (parsed == null) {
            fail(field + " must be an ISO-8601 time, e.g. 2026-12-03T10:00:00Z or 2026-12-03T10:00+00:00");
            return fallback == null ? Instant.EPOCH : fallback;
        }
        return parsed;
    }

    /** An ISO-8601 instant, offset time, local time (Europe/London) or date (its start); null when none of these. */
    static Instant parseTime(String value) {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZONE).toInstant();
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                return OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).atZone(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private Audience audience(JsonNode node) {
        if (node == null || node.isNull()) {
            return Audience.EVERYONE;
        }
        if (!node.isObject()) {
            fail("audience must be an object {areas?, languages?, channels?, tags?}");
            return Audience.EVERYONE;
        }
        List<String> sectors = org.engagebot.contacts.OrganisationLists.sectors(list(node, "sectors"), list(node, "remits"));
        if (sectors == null) {
            fail("audience.sectors must be values of the remit or sector list: "
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
            fail("audience." + field + " must be a list");
            return null;
        }
        List<String> out = new ArrayList<>();
        node.forEach(v -> out.add(v.asText()));
        return out;
    }

    private void check(boolean ok, String message) {
        if (!ok) {
            fail(message);
        }
    }

    private void fail(String message) {
        if (error == null) {
            error = message;
        }
    }

    /** Small JSON helpers shared by the event and meeting requests. */
    static final class JsonText {
        private JsonText() {
        }

        static JsonNode object(String body) {
            try {
                JsonNode root = JSON.readTree(body == null ? "" : body);
                return root != null && root.isObject() ? root : null;
            } catch (IOException e) {
                return null;
            }
        }

        /** {"field": "text"} or {"field": {"en","cy"}}; null when absent or malformed. */
        static Text text(String body, String field) {
            JsonNode root = object(body);
            if (root == null) {
                return null;
            }
            EventRequest r = new EventRequest();
            Text t = r.text(root, field, true);
            return r.error == null ? t : null;
        }
    }
}
