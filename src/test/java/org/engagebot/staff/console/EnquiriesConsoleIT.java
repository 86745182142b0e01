package org.engagebot.staff.console;

import org.engagebot.conversation.ConversationEngine;
import org.engagebot.conversation.Input;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Participants;
import org.engagebot.enquiries.EnquiryService;
import org.engagebot.platform.Db;
import org.engagebot.platform.Transactions;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's list of messages to the office: staff read one with its sender, assign it, reply, and close it. */
class EnquiriesConsoleIT {
    private TestService service;
    private ConsoleForms console;

    @BeforeEach
    void start() {
        service = TestService.start();
        console = new ConsoleForms(service);
        assertThat(console.signIn("admin", TestService.ADMIN_PASSWORD).statusCode()).isEqualTo(303);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void staffReplyFromTheListAndTheReplyIsQueuedForTheSender() {
        Participant p = service.bean(Transactions.class).write(() ->
                service.bean(Participants.class).identify("console", "terminal-1", "Dewi"));
        ConversationEngine engine = service.bean(ConversationEngine.class);
        Participant english = p.withLanguage(Language.EN);
        service.bean(Transactions.class).write(() -> engine.handle(english, Input.fromText("Can the PCC speak at our AGM?"), false));
        service.bean(Transactions.class).write(() -> engine.handle(english, new Input.Picked("c:confirm"), false));
        long id = service.bean(EnquiryService.class).list("open").get(0).id();

        HttpResponse<String> page = console.get("/console/enquiries?status=open");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Can the PCC speak at our AGM?", "terminal-1", "Dewi");
        String csrf = ConsoleForms.csrf(page.body());

        assertThat(console.post("/console/enquiries/" + id + "/reply", Map.of("csrf", "wrong", "text", "Yes")).statusCode())
                .isEqualTo(403);
        assertThat(console.post("/console/enquiries/" + id + "/reply", Map.of("csrf", csrf,
                "text", "Yes, please email the date.")).statusCode()).isEqualTo(303);
        assertThat(service.bean(Db.class).count("SELECT count(*) FROM outbox WHERE channel = 'console' AND address = "
                + "'terminal-1' AND batch_type = 'enquiry' AND payload LIKE '%please email the date%'")).isEqualTo(1);
        assertThat(console.get("/console/enquiries?mine=yes").body()).doesNotContain("Can the PCC speak at our AGM?");
        assertThat(console.post("/console/enquiries/" + id + "/assign", Map.of("csrf", csrf, "assignee", "nobody-here"))
                .statusCode()).as("only a staff member").isEqualTo(404);
        assertThat(console.post("/console/enquiries/" + id + "/assign", Map.of("csrf", csrf, "assignee", "admin"))
                .statusCode()).isEqualTo(303);
        assertThat(service.bean(EnquiryService.class).find(id).orElseThrow().assignedTo()).isEqualTo("admin");
        assertThat(console.get("/console/enquiries?mine=yes").body()).contains("Can the PCC speak at our AGM?", "Assigned to admin");
        assertThat(console.post("/console/enquiries/" + id + "/close", Map.of("csrf", csrf)).statusCode()).isEqualTo(303);
        assertThat(service.bean(EnquiryService.class).find(id).orElseThrow().status()).isEqualTo("closed");
        assertThat(console.get("/console/enquiries?status=closed").body()).contains("Yes, please email the date.")
                .doesNotContain("Send reply");
    }
}
