package org.engagebot.events.meetings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.engagebot.events.EventTimes;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads POST /api/meetings {name, body, lead?, purpose?, frequency, nextAt, place?, attendees:[emails],
 * noticeDays?, public?}. Notice is 15 days for a Police and Crime Panel unless told, else the configured default.
 */
final class MeetingRequest {
    static final int PANEL_NOTICE_DAYS = 15;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+");
    private static final Pattern PANEL = Pattern.compile("(?i).*(police and crime panel|panel heddlu a throsedd).*");

    record NewMeeting(String name, String body, String lead, String purpose, Frequency frequency, Instant nextAt,
                      String place, List<String> attendees, int noticeDays, boolean isPublic) {
    }

    record Result(NewMeeting meeting, String error) {
    }

    private String error;

    static Result read(String body, Instant now, int defaultNoticeDays) {
        return new MeetingRequest().parse(body, now, defaultNoticeDays);
    }

    private Result parse(String text, Instant now, int defaultNoticeDays) {
        JsonNode root;
        try {
            root = JSON.readTree(text == null ? "" : text);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            return new Result(null, "body must be a JSON object");
        }
        String name = required(root, "name");
        String body = required(root, "body");
        Frequency frequency = Frequency.parse(root.path("frequency").asText(null)).orElse(null);
        check(frequency != null, "frequency must be one of weekly, fortnightly, monthly, bi-monthly, quarterly, "
                + "twice a year, yearly, ad hoc (or \"6 a year\" and the like)");
        Instant nextAt = root.hasNonNull("nextAt") ? EventTimes.parse(root.get("nextAt").asText().strip()) : null;
        check(nextAt != null, "nextAt must be an ISO-8601 time, e.g. 2027-01-20T14:00:00Z");
        check(nextAt == null || nextAt.isAfter(now), "nextAt must be in the future");
        List<String> attendees = attendees(root.get("attendees"));
        boolean panel = body != null && PANEL.matcher(body).matches();
        int noticeDays = root.hasNonNull("noticeDays") ? root.get("noticeDays").asInt(-1)
                : panel ? PANEL_NOTICE_DAYS : defaultNoticeDays;
        check(noticeDays >= 0 && noticeDays <= 90, "noticeDays must be a whole number from 0 to 90");
        check(!root.has("public") || root.get("public").isBoolean(), "public must be true or false");
        if (error != null) {
            return new Result(null, error);
        }
        return new Result(new NewMeeting(name, body, optional(root, "lead"), optional(root, "purpose"), frequency,
                nextAt, optional(root, "place"), attendees, noticeDays, root.path("public").asBoolean(false)), null);
    }

    private List<String> attendees(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            check(false, "attendees must be a non-empty list of email addresses");
            return out;
        }
        for (JsonNode a : node) {
            String email = a.asText("").strip().toLowerCase(Locale.ROOT);
            check(EMAIL.matcher(email).matches(), "attendees: \"" + a.asText("") + "\" is not an email address");
            if (!out.contains(email)) {
                out.add(email);
            }
        }
        check(out.size() <= 200, "at most 200 attendees");
        return out;
    }

    private String required(JsonNode root, String field) {
        String value = optional(root, field);
        check(value != null, field + " is required");
        return value;
    }

    private String optional(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull() || node.asText().isBlank()) {
            return null;
        }
        String v = node.asText().strip();
        check(v.length() <= 1000, field + " is longer than 1000 characters");
        return v;
    }

    private void check(boolean ok, String message) {
        if (!ok && error == null) {
            error = message;
        }
    }
}
