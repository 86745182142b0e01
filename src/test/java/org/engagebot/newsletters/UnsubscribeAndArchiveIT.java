package org.engagebot.newsletters;

import com.fasterxml.jackson.databind.JsonNode;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.contacts.ContactService;
import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagebot.newsletters.NewsletterDeliveryIT.awaitTrue;
import static org.engagebot.newsletters.NewsletterDeliveryIT.json;

/** One-click unsubscribe from a newsletter email, and the public archive, without Telegram. */
class UnsubscribeAndArchiveIT {
    private TestService service;
    private Db db;

    @BeforeEach
    void start() {
        service = TestService.start(Map.of("engagebot.public-url", "https://engage.example.org"));
        db = service.bean(Db.class);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void oneClickPostUnsubscribesButOpeningTheLinkDoesNot() {
        long contact = Fixtures.contact(db, "reader@example.org", "en", true, false);
        Fixtures.telegram(db, contact, 8001, "en");
        long id = sendNewsletter("{\"onlyLanguage\": \"en\", \"onlyBecause\": \"a test in one language\", \"title\": \"News\", \"body\": \"Hello\"}");
        awaitEmailRow(id);
        String header = email("reader@example.org").emailHeaders().get("List-Unsubscribe");
        String path = URI.create(header.substring(1, header.indexOf('>'))).getPath();
        assertThat(path).doesNotContain("reader").doesNotContain("example");

        HttpResponse<String> page = anonymous(HttpRequest.newBuilder(service.url(path)).GET().build());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"", "Dad-danysgrifio", "Unsubscribe");
        assertThat(subscribed(contact)).isTrue();

        HttpResponse<String> done = anonymous(HttpRequest.newBuilder(service.url(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build());
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("You are unsubscribed", "Rydych wedi dad-danysgrifio");
        assertThat(subscribed(contact)).isFalse();
        assertThat(db.count("SELECT count(*) FROM consent WHERE contact_id = ? AND purpose = 'newsletter-email' AND granted = 0 "
                + "AND channel = 'email'", contact)).isEqualTo(1);

        long next = sendNewsletter("{\"onlyLanguage\": \"en\", \"onlyBecause\": \"a test in one language\", \"title\": \"More news\", \"body\": \"Again\"}");
        JsonNode audience = json(service.get("/api/newsletters/" + next + "/audience"));
        assertThat(audience.get("total").asLong()).as("one suppression covers email and Telegram").isZero();
    }

    @Test
    void aTamperedLinkUnsubscribesNobody() {
        long contact = Fixtures.contact(db, "keep@example.org", "en", true, false);
        HttpResponse<String> post = anonymous(HttpRequest.newBuilder(service.url("/public/unsubscribe/"
                        + Long.toString(contact, 36) + ".AAAAAAAAAAAAAAAAAAAAAA"))
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                .header("Content-Type", "application/x-www-form-urlencoded").build());
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(subscribed(contact)).isTrue();
    }

    @Test
    void theArchiveShowsSentNewslettersInTheChosenLanguage() throws Exception {
        Fixtures.contact(db, "a@example.org", "cy", true, false);
        long id = sendNewsletter("{\"title\": {\"en\": \"Spring news\", \"cy\": \"Newyddion y gwanwyn\"}, "
                + "\"body\": {\"en\": \"Hello <script>alert(1)</script> **all**\", \"cy\": \"Helo **bawb**\"}}");
        long draft = json(service.postJson("/api/newsletters", "{\"title\": \"Draft\", \"body\": \"x\"}")).get("id").asLong();
        awaitTrue(() -> !"SCHEDULED".equals(json(service.get("/api/newsletters/" + id)).get("status").asText())
                && !"ENQUEUING".equals(json(service.get("/api/newsletters/" + id)).get("status").asText()));

        String welsh = anonymous(HttpRequest.newBuilder(service.url("/public/newsletters?lang=cy")).GET().build()).body();
        assertThat(welsh).contains("lang=\"cy\"", "Newyddion y gwanwyn").doesNotContain("Draft");
        HttpResponse<String> english = anonymous(HttpRequest.newBuilder(service.url("/public/newsletters/" + id + "?lang=en"))
                .GET().build());
        assertThat(english.body()).contains("lang=\"en\"", "Spring news", "<strong>all</strong>").doesNotContain("<script>");
        assertThat(anonymous(HttpRequest.newBuilder(service.url("/public/newsletters/" + draft)).GET().build()).statusCode())
                .isEqualTo(404);
    }

    private long sendNewsletter(String body) {
        long id = json(service.postJson("/api/newsletters", body)).get("id").asLong();
        assertThat(service.postJson("/api/newsletters/" + id + "/send", "").statusCode()).isEqualTo(202);
        return id;
    }

    private void awaitEmailRow(long id) {
        try {
            awaitTrue(() -> db.count("SELECT count(*) FROM outbox WHERE batch_id = ? AND channel = 'email' "
                    + "AND status <> 'HELD'", id) > 0);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private OutboundMessage email(String address) {
        return Outbox.read(db.one("SELECT payload FROM outbox WHERE channel = 'email' AND address = ?",
                rs -> rs.getString(1), address).orElseThrow(), OutboundMessage.class);
    }

    private boolean subscribed(long contact) {
        return service.bean(ContactService.class).byId(contact).orElseThrow().subscribed();
    }

    private HttpResponse<String> anonymous(HttpRequest request) {
        return service.send(request);
    }
}
