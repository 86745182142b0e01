package org.engagebot.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A question sent for the Commissioner can say who asked ("I run the food bank on Stryd Fawr"): when the asker is
 * erased, the question stays counted and themed for the briefing, but its words go with them.
 */
class QuestionErasureIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void erasingTheAskerRemovesTheWordsOfTheirQuestionAndKeepsTheCount() throws Exception {
        try (TestService service = TestService.start()) {
            service.post("/api/contacts/import", "text/csv", "email,organisation,area,language\nann@example.org,Food Bank,conwy,en\n");
            long contact = JSON.readTree(service.get("/api/contacts?email=ann@example.org").body()).get(0).get("id").asLong();
            long event = JSON.readTree(service.postJson("/api/events", "{\"title\": {\"en\": \"Forum\", \"cy\": \"Fforwm\"}, "
                    + "\"description\": {\"en\": \"Meet us\", \"cy\": \"Dewch\"}, \"startsAt\": \"2030-03-01T10:00:00Z\", "
                    + "\"place\": \"Hall\"}").body()).get("id").asLong();
            service.bean(Db.class).insert("INSERT INTO event_question (event_id, person_key, contact_id, via, channel, address, "
                    + "language, name, email, text, theme, received_at) VALUES (?, ?, ?, 'email', 'email', 'ann@example.org', 'en', "
                    + "'Ann Hughes', 'ann@example.org', 'I run the food bank on Stryd Fawr: will you fund us?', 'Funding', ?)",
                    event, "contact:" + contact, contact, Instant.now());
            assertThat(service.get("/api/events/" + event + "/questions").body()).contains("food bank on Stryd Fawr");

            assertThat(service.send(HttpRequest.newBuilder(service.url("/api/contacts/" + contact))
                    .header("Authorization", TestService.basic("admin", TestService.ADMIN_PASSWORD)).DELETE().build())
                    .statusCode()).isEqualTo(200);

            String after = service.get("/api/events/" + event + "/questions").body();
            JsonNode questions = JSON.readTree(after);
            assertThat(questions).hasSize(1);
            assertThat(after).doesNotContain("food bank", "Stryd Fawr", "Ann Hughes", "ann@example.org")
                    .contains("asked to be forgotten", "Funding");
        }
    }
}
