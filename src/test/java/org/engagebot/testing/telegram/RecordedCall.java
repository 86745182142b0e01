package org.engagebot.testing.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;

/**
 * One HTTP call the client made to the {@link FakeBotApi}.
 *
 * @param method     Bot API method in its documented camelCase spelling when known
 *                   ({@code sendMessage}), otherwise as it arrived in the path (the client sends lower case)
 * @param body       the parameters as JSON text: JSON bodies verbatim; form and multipart bodies
 *                   rendered as a JSON object of string fields, file parts as {@code "<file NAME (N bytes)>"}
 * @param at         when the fake received it
 * @param httpStatus the HTTP status the fake answered with
 */
public record RecordedCall(String method, String body, Instant at, int httpStatus) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The body parsed as JSON (an empty object for an empty body). */
    public JsonNode json() {
        try {
            return body == null || body.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException("body is not JSON: " + body, e);
        }
    }

    /** A top-level parameter as text, or null. */
    public String param(String name) {
        JsonNode n = json().get(name);
        return n == null || n.isNull() ? null : (n.isValueNode() ? n.asText() : n.toString());
    }
}
