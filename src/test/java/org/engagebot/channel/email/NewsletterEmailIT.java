package org.engagebot.channel.email;

import org.engagebot.testing.mail.MailHarness;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagebot.testing.mail.MailHarness.await;
import static org.engagebot.channel.email.WireFixtures.header;
import static org.engagebot.channel.email.WireFixtures.json;
import static org.engagebot.channel.email.WireFixtures.plain;

/** The newsletter by email: list headers, both parts, mailto unsubscribe (typed or automatic), bounced addresses. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewsletterEmailIT {
    private MailHarness mail;
    private TestService service;
    private Db db;

    @BeforeAll
    void start() {
        mail = new MailHarness();
        Map<String, Object> props = new HashMap<>(mail.properties());
        props.put("engagebot.public-url", "https://engage.example.org");
        service = TestService.start(props);
        db = service.bean(Db.class);
    }

    @AfterAll
    void stop() {
        service.close();
        mail.close();
    }

    @Test
    void unsubscribesByMailtoAndSkipsAndCountsAHardBouncedAddressNextTime() throws Exception {
        long ann = WireFixtures.contact(db, "Ann", "ann@news.example", "en", true);
        long bryn = WireFixtures.contact(db, "Bryn", "bryn@news.example", "cy", true);
        WireFixtures.contact(db, "Gone", "gone@news.example", "en", true);
        WireFixtures.contact(db, "Dai", "dai@news.example", "en", true);
        long winter = send("Winter news", "Newyddion y gaeaf");

        MimeMessage toAnn = mail.waitFor("ann@news.example", 1);
        assertThat(toAnn.getSubject()).isEqualTo("Winter news");
        assertThat(header(toAnn, "List-Unsubscribe")).matches("<https://engage\\.example\\.org/public/unsubscribe/[^>]+>, "
                + "<mailto:engage@opcc\\.example\\?subject=unsubscribe>");
        assertThat(header(toAnn, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(header(toAnn, "List-Id")).isEqualTo("<newsletter.engage.example.org>");
        assertThat(toAnn.getContent()).isInstanceOf(Multipart.class);
        assertThat(plain(toAnn)).contains("Funding is", "https://engage.example.org/public/unsubscribe/");
        assertThat(WireFixtures.html(toAnn)).contains("<strong>open</strong>", "href=\"https://engage.example.org/public/unsubscribe/");
        assertThat(mail.waitFor("bryn@news.example", 1).getSubject()).isEqualTo("Newyddion y gaeaf");
        MimeMessage toGone = mail.waitFor("gone@news.example", 1);
        mail.waitFor("dai@news.example", 1);

        mail.toBot(mail.message("ann@news.example", "unsubscribe", ""));
        assertThat(plain(mail.waitFor("ann@news.example", 2))).contains("will not send").doesNotContain("Ni fyddwn");
        assertThat(subscribed(ann)).isFalse();
        assertThat(db.count("SELECT count(*) FROM consent WHERE contact_id = ? AND purpose = 'newsletter-email' AND granted = 0",
                ann)).isEqualTo(1);
        // the same unsubscribe as /unsubscribe in chat: one consent version, and audited
        assertThat(db.query("SELECT version FROM consent WHERE contact_id = ? AND granted = 0", rs -> rs.getString(1), ann))
                .containsExactly("2026-11");
        assertThat(db.count("SELECT count(*) FROM audit_log WHERE action = 'newsletter.unsubscribe' AND subject = ?",
                "contact:" + ann)).isEqualTo(1);
        mail.toBot(mail.message("ann@news.example", "Re: Winter news", "Unsubscribe\n\nAnn"));
        assertThat(plain(mail.waitFor("ann@news.example", 3))).contains("is not subscribed");
        assertThat(db.count("SELECT count(*) FROM audit_log WHERE action = 'newsletter.unsubscribe' AND subject = ?",
                "contact:" + ann)).isEqualTo(1);

        MimeMessage automatic = mail.message("bryn@news.example", "unsubscribe", "This message was sent automatically.");
        automatic.setHeader("Auto-Submitted", "auto-generated");
        automatic.setHeader("Message-ID", "<auto-unsub@news.example>");
        mail.toBot(automatic);
        await(() -> !subscribed(bryn), "automatic unsubscribe");
        await(() -> "PROCESSED".equals(WireFixtures.inboxStatus(db, "auto-unsub@news.example")), "processed");

        await(() -> db.count("SELECT count(*) FROM outbox WHERE address = 'gone@news.example' AND status = 'SENT'") == 1,
                "marked sent");
        mail.rawToBot(MailHarness.hardBounce("gone@news.example", "bounce-news@mx.example.org", toGone.getMessageID()));
        await(() -> db.count("SELECT count(*) FROM contact WHERE email = 'gone@news.example' AND email_on_hold = 1") == 1, "hold");
        // the bounce came after the newsletter was handed over: staff now see that row undelivered, as bounced
        JsonNode bounced = json(service.get("/api/newsletters/" + winter + "/recipients?status=bounced"), 200);
        assertThat(bounced.findValuesAsText("address")).containsExactly("gone@news.example");
        assertThat(bounced.findValuesAsText("reason").get(0)).startsWith("bounced after sending: hard bounce 5.1.1");
        JsonNode winterProgress = json(service.get("/api/newsletters/" + winter), 200);
        assertThat(winterProgress.get("failedBecause").get("bounced").asLong()).isEqualTo(1);
        assertThat(winterProgress.get("sent").asLong() + winterProgress.get("failed").asLong()).isEqualTo(winterProgress.get("total").asLong());

        long second = send("Spring news", "Newyddion y gwanwyn");
        mail.waitFor("dai@news.example", 2);
        JsonNode progress = json(service.get("/api/newsletters/" + second), 200);
        assertThat(progress.get("total").asLong()).isEqualTo(1);
        assertThat(progress.get("skippedBecause").get("emailOnHold").asLong()).isEqualTo(1);
        assertThat(mail.to("gone@news.example")).hasSize(1);
        assertThat(mail.to("ann@news.example")).hasSize(3);
        assertThat(mail.to("bryn@news.example")).hasSize(1);
    }

    private long send(String en, String cy) {
        long id = json(service.postJson("/api/newsletters", "{\"title\": {\"en\": \"" + en + "\", \"cy\": \"" + cy + "\"}, "
                + "\"body\": {\"en\": \"Funding is **open**.\", \"cy\": \"Mae cyllid **ar agor**.\"}}"), 201).get("id").asLong();
        assertThat(service.postJson("/api/newsletters/" + id + "/send", "{}").statusCode()).isEqualTo(202);
        return id;
    }

    private boolean subscribed(long contactId) {
        return db.count("SELECT count(*) FROM contact WHERE id = ? AND subscribed = 1", contactId) == 1;
    }
}
