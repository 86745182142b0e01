package org.engagebot.events.meetings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import org.engagebot.testing.SettableClock;
import org.engagebot.testing.TestService;
import org.engagebot.testing.mail.MailHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The meetings register with the service's own clock: a Police and Crime Panel sitting gets its written notice
 * with the agenda and papers 15 days before, once; an alternative date moves the calendar entry; a passed sitting
 * moves on by its frequency in UK time; the public list and a staff member's signed calendar feed.
 */
class MeetingNoticeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] AGENDA = "%PDF-1.4 agenda for the panel".getBytes(StandardCharsets.UTF_8);

    private MailHarness mail;
    private TestService service;
    private SettableClock clock;

    @BeforeEach
    void start() {
        mail = new MailHarness();
        service = TestService.start(mail.properties(Map.of("engagebot.test.clock", "2027-01-01T09:00:00Z",
                "engagebot.public-url", "https://engage.example")));
        clock = (SettableClock) service.bean(Clock.class);
    }

    @AfterEach
    void stop() {
        service.close();
        mail.close();
    }

    @Test
    void aPanelSittingsNoticeWithPapersGoesFifteenDaysBeforeByTheServicesClock() throws Exception {
        assertThat(service.postJson("/api/meetings", "{\"name\": \"Panel\", \"body\": \"x\", \"frequency\": \"sometimes\", "
                + "\"nextAt\": \"2027-02-01T14:00:00Z\", \"attendees\": [\"a@b.example\"]}").statusCode()).isEqualTo(400);
        JsonNode panel = json(service.postJson("/api/meetings", "{\"name\": \"Police and Crime Panel\", \"body\": "
                + "\"North Wales Police and Crime Panel\", \"lead\": \"chief.executive@opcc.example\", \"purpose\": "
                + "\"Scrutiny of the Commissioner\", \"frequency\": \"6 a year\", \"nextAt\": \"2027-02-01T14:00:00Z\", "
                + "\"place\": \"Conwy Council Chamber\", \"attendees\": [\"clerk@panel.example\", \"Admin@opcc.example\"], "
                + "\"public\": true}"), 201);
        long id = panel.get("id").asLong();
        assertThat(panel.get("noticeDays").asInt()).isEqualTo(15);
        assertThat(panel.get("noticeDueAt").asText()).isEqualTo("2027-01-17T14:00:00Z");
        json(service.postJson("/api/meetings", "{\"name\": \"CSP\", \"body\": \"Community safety partnership\", "
                + "\"frequency\": \"quarterly\", \"nextAt\": \"2027-03-01T10:00:00Z\", \"attendees\": [\"csp@council.example\"]}"), 201);
        json(service.postJson("/api/meetings/" + id + "/papers", "{\"filename\": \"agenda.pdf\", \"contentType\": "
                + "\"application/pdf\", \"content\": \"" + Base64.getEncoder().encodeToString(AGENDA) + "\"}"), 201);
        assertThat(service.postJson("/api/meetings/" + id + "/papers", "{\"filename\": \"../x.pdf\", \"content\": \"AA==\"}")
                .statusCode()).isEqualTo(400);

        NoticeJob job = service.bean(NoticeJob.class);
        clock.set(Instant.parse("2027-01-17T13:59:00Z"));
        assertThat(job.run()).isZero();
        clock.set(Instant.parse("2027-01-17T14:00:00Z"));
        assertThat(job.run()).isEqualTo(2);
        assertThat(job.run()).isZero();

        MimeMessage notice = mail.waitFor("clerk@panel.example", 1);
        mail.waitFor("admin@opcc.example", 1);
        assertThat(notice.getSubject()).startsWith("Hysbysiad o gyfarfod: Police and Crime Panel");
        assertThat(text(notice)).contains("Pryd: Dydd Llun 1 Chwefror 2027, 14:00", "When: Monday 1 February 2027, 14:00",
                "agenda.pdf", "Conwy Council Chamber");
        assertThat(attachment(notice, "agenda.pdf")).isEqualTo(AGENDA);
        VEvent sitting = ics(notice);
        assertThat(Instant.from(sitting.getDateTimeStart().getDate())).isEqualTo(Instant.parse("2027-02-01T14:00:00Z"));
        String uid = sitting.getUid().orElseThrow().getValue();

        JsonNode moved = json(service.postJson("/api/meetings/" + id + "/notice", "{\"alternativeAt\": "
                + "\"2027-02-08T14:00\", \"reason\": \"The chamber is not available\"}"), 200);
        assertThat(moved.get("sent").asInt()).isEqualTo(2);
        MimeMessage alternative = mail.waitFor("clerk@panel.example", 2);
        assertThat(alternative.getSubject()).startsWith("Newid dyddiad: Police and Crime Panel");
        assertThat(text(alternative)).contains("will now be held on Monday 8 February 2027, 14:00",
                "The chamber is not available");
        VEvent movedEntry = ics(alternative);
        assertThat(movedEntry.getUid().orElseThrow().getValue()).isEqualTo(uid);
        assertThat(movedEntry.getSequence().getSequenceNo()).isEqualTo(1);
        assertThat(attachment(alternative, "agenda.pdf")).isEqualTo(AGENDA);
        assertThat(job.run()).isZero();

        clock.set(Instant.parse("2027-02-08T17:00:00Z"));
        job.run();
        JsonNode rolled = json(service.get("/api/meetings/" + id), 200);
        assertThat(rolled.get("nextAt").asText()).isEqualTo("2027-04-08T14:00:00+01:00");
        assertThat(rolled.get("papers")).isEmpty();
        assertThat(rolled.get("notices")).hasSize(2);

        HttpResponse<String> page = service.send(HttpRequest.newBuilder(service.url("/public/meetings?lang=en")).GET().build());
        assertThat(page.body()).contains("Police and Crime Panel", "Thursday 8 April 2027, 14:00", "every two months")
                .doesNotContain("Community safety partnership", "clerk@panel.example");

        String url = json(service.get("/api/meetings/feed"), 200).get("url").asText();
        assertThat(url).startsWith("https://engage.example/calendar/admin.ics?key=");
        String path = URI.create(url).getRawPath() + "?" + URI.create(url).getRawQuery();
        HttpResponse<String> feed = service.send(HttpRequest.newBuilder(service.url(path)).GET().build());
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.body()).contains("SUMMARY:Police and Crime Panel").doesNotContain("SUMMARY:CSP");
        assertThat(service.send(HttpRequest.newBuilder(service.url(path.replace("key=", "key=0"))).GET().build())
                .statusCode()).isEqualTo(404);
        assertThat(service.send(HttpRequest.newBuilder(service.url(path.replace("admin.ics", "clerk.ics"))).GET().build())
                .statusCode()).isEqualTo(404);

        // a feed URL ends with the account's sessions and tokens: a password reset, lock or deactivation
        org.engagebot.staff.StaffAccounts accounts = service.bean(org.engagebot.staff.StaffAccounts.class);
        accounts.create("leaver", "a-long-password-1", "staff");
        String leaver = URI.create(service.bean(CalendarFeed.class).url("leaver")).getRawPath() + "?"
                + URI.create(service.bean(CalendarFeed.class).url("leaver")).getRawQuery();
        assertThat(service.send(HttpRequest.newBuilder(service.url(leaver)).GET().build()).statusCode()).isEqualTo(200);
        accounts.setPassword("leaver", "another-long-password-2");
        assertThat(service.send(HttpRequest.newBuilder(service.url(leaver)).GET().build()).statusCode()).as("after a reset").isEqualTo(404);
        String renewed = URI.create(service.bean(CalendarFeed.class).url("leaver")).getRawPath() + "?"
                + URI.create(service.bean(CalendarFeed.class).url("leaver")).getRawQuery();
        assertThat(service.send(HttpRequest.newBuilder(service.url(renewed)).GET().build()).statusCode()).isEqualTo(200);
        accounts.deactivate("leaver");
        assertThat(service.send(HttpRequest.newBuilder(service.url(renewed)).GET().build()).statusCode()).as("deactivated").isEqualTo(404);
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static List<Part> parts(Part p) throws Exception {
        List<Part> out = new ArrayList<>();
        if (p.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                out.addAll(parts(mp.getBodyPart(i)));
            }
        } else {
            out.add(p);
        }
        return out;
    }

    private static String text(MimeMessage m) throws Exception {
        for (Part p : parts(m)) {
            if (p.isMimeType("text/plain") && p.getFileName() == null) {
                return ((String) p.getContent()).replace("\r\n", "\n");
            }
        }
        throw new AssertionError("no text part");
    }

    private static byte[] attachment(MimeMessage m, String name) throws Exception {
        for (Part p : parts(m)) {
            if (name.equals(p.getFileName())) {
                return p.getInputStream().readAllBytes();
            }
        }
        throw new AssertionError("no attachment " + name);
    }

    private static VEvent ics(MimeMessage m) throws Exception {
        byte[] bytes = attachment(m, "meeting.ics");
        return new CalendarBuilder().build(new InputStreamReader(new java.io.ByteArrayInputStream(bytes),
                StandardCharsets.UTF_8)).<VEvent>getComponents("VEVENT").get(0);
    }
}
