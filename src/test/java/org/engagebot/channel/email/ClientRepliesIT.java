package org.engagebot.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagebot.channel.email.WireFixtures.json;
import static org.engagebot.channel.email.WireFixtures.plain;
import static org.engagebot.channel.email.WireFixtures.replyTo;
import static org.engagebot.testing.mail.MailHarness.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.activation.DataHandler;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;
import org.engagebot.testing.mail.MailHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Consultation replies as real clients send them, through GreenMail into the running service: what is stored as the
 * response, what the acknowledgement says, and that auto-replies without RFC 3834 headers are neither stored nor
 * answered. The messages are built here, not taken from any corpus.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientRepliesIT {
    private MailHarness mail;
    private TestService service;
    private Db db;

    @BeforeAll
    void start() {
        mail = new MailHarness();
        service = TestService.start(new HashMap<>(mail.properties()));
        db = service.bean(Db.class);
    }

    @AfterAll
    void stop() {
        service.close();
        mail.close();
    }

    @Test
    void eachClientsReplyIsStoredAsTheSendersWordsAndRobotsAreNeitherStoredNorAnswered() throws Exception {
        String[] people = {"rhys@tbird.example", "nia@inline.example", "clerk@council.example", "alys@html.example",
                "dai@files.example", "away@office.example", "gwyn@i-ffwrdd.example", "desk@tickets.example",
                "guarded@challenge.example"};
        for (String address : people) {
            WireFixtures.contact(db, address.substring(0, address.indexOf('@')), address, "en", false);
        }
        long id = publish("{\"title\": {\"en\": \"Street lighting\", \"cy\": \"Goleuadau stryd\"}, \"summary\": {\"en\": "
                + "\"Where is it too dark?\", \"cy\": \"Ble mae'n rhy dywyll?\"}, \"questions\": [{\"text\": {\"en\": "
                + "\"Which streets feel unsafe?\", \"cy\": \"Pa strydoedd sy'n teimlo'n anniogel?\"}}, {\"text\": {\"en\": "
                + "\"When do you walk there?\", \"cy\": \"Pryd ydych chi'n cerdded yno?\"}}]}");
        List<MimeMessage> invitations = new ArrayList<>();
        for (String address : people) {
            invitations.add(mail.waitFor(address, 1));
        }

        // Thunderbird: format=flowed plain text wrapped by the client, with its HTML twin
        MimeMessage tbird = reply(people[0], invitations.get(0));
        MimeMultipart alt = new MimeMultipart("alternative");
        alt.addBodyPart(raw("text/plain; charset=UTF-8; format=flowed", "1. The lane past the allotments, the hedges \n"
                + "have grown over the only lamp.\n2. Most evenings \nafter work.\n\nOn 02/11/2026 10:12, Engagebot wrote:\n"
                + quote(plain(invitations.get(0))) + "\n"));
        alt.addBodyPart(raw("text/html; charset=UTF-8", "<p>1. The lane past the allotments, the hedges have grown over "
                + "the only lamp.<br>2. Most evenings after work.</p><div class=\"moz-cite-prefix\">On 02/11/2026 10:12, "
                + "Engagebot wrote:<br></div><blockquote type=\"cite\">" + html(plain(invitations.get(0))) + "</blockquote>"));
        tbird.setContent(alt);
        mail.toBot(tbird);

        // inline answers under the invitation's own numbered questions, not numbered by the sender
        String invitation = plain(invitations.get(1)).replace("\r\n", "\n");
        String inline = "On Mon, 2 Nov 2026 at 10:12, Engagebot <engage@opcc.example> wrote:\n"
                + quote(invitation.substring(0, invitation.indexOf("1. "))) + "\n> 1. Which streets feel unsafe?\n\n"
                + "Station Road\n\n> 2. When do you walk there?\n\nAfter 9pm\n\n> " + "Reply with your views.\n";
        MimeMessage nia = reply(people[1], invitations.get(1));
        nia.setText(inline, "UTF-8");
        mail.toBot(nia);

        // a council clerk's windows-1252 Outlook reply with signature, bilingual legal footer and history
        MimeMessage clerk = reply(people[2], invitations.get(2));
        MimeBodyPart text = new MimeBodyPart();
        text.setText("1. Castle Square \u2013 it\u2019s pitch black.\n2. Council meetings end at 9.\n\nKind regards\nJohn Smith\n"
                + "Clerk\n\nThis email and any attachments are confidential and intended solely for the addressee. If "
                + "you have received it in error please notify the sender.\nMae\u2019r e-bost hwn yn gyfrinachol.\n\n"
                + "________________________________\nFrom: Engagebot <engage@opcc.example>\nSent: 02 November 2026 10:12\n"
                + "To: clerk@council.example\nSubject: " + invitations.get(2).getSubject() + "\n\n" + plain(invitations.get(2)),
                "windows-1252");
        text.setHeader("Content-Transfer-Encoding", "quoted-printable");
        MimeMultipart outlook = new MimeMultipart("mixed");
        outlook.addBodyPart(text);
        clerk.setContent(outlook);
        mail.toBot(clerk);

        // HTML only, bottom-posted under the quoted invitation
        MimeMessage alys = reply(people[3], invitations.get(3));
        alys.setContent("<div class=\"moz-cite-prefix\">On 02/11/2026 10:12, Engagebot wrote:<br></div><blockquote "
                + "type=\"cite\">" + html(plain(invitations.get(3))) + "</blockquote><p>Heol y Br\u00e2n and the \u0175yl "
                + "field.</p>", "text/html; charset=UTF-8");
        mail.toBot(alys);

        // a reply with a PDF and an embedded signature logo
        MimeMessage dai = reply(people[4], invitations.get(4));
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeMultipart related = new MimeMultipart("related");
        MimeBodyPart htmlPart = raw("text/html; charset=UTF-8", "<p>The bus station; my survey is attached.</p>"
                + "<img src=\"cid:logo\">");
        related.addBodyPart(htmlPart);
        MimeBodyPart logo = new MimeBodyPart();
        logo.setDataHandler(new DataHandler(new ByteArrayDataSource(new byte[] {1, 2, 3}, "image/png")));
        logo.setFileName("image001.png");
        logo.setContentID("<logo>");
        logo.setDisposition("inline");
        related.addBodyPart(logo);
        MimeBodyPart relatedPart = new MimeBodyPart();
        relatedPart.setContent(related);
        mixed.addBodyPart(relatedPart);
        MimeBodyPart pdf = new MimeBodyPart();
        pdf.setDataHandler(new DataHandler(new ByteArrayDataSource("%PDF-1.4 survey".getBytes(StandardCharsets.US_ASCII),
                "application/pdf")));
        pdf.setFileName("lighting survey.pdf");
        mixed.addBodyPart(pdf);
        dai.setContent(mixed);
        mail.toBot(dai);

        // robots without RFC 3834 headers, each sent to the reply address as a person's reply would be
        robot(people[5], invitations.get(5), "Re: " + invitations.get(5).getSubject(), "Thank you for your email. I am "
                + "currently out of the office until Monday 9 November with no access to email.\n");
        robot(people[6], invitations.get(6), "Re: " + invitations.get(6).getSubject(), "Diolch am eich neges. Rydw i "
                + "allan o\u2019r swyddfa tan ddydd Llun.\n\nThank you for your message. I am out of the office until Monday.\n");
        robot(people[7], invitations.get(7), "[Ticket #48213] Re: " + invitations.get(7).getSubject(),
                "Thank you. Your request has been logged and we will reply within 5 working days.\n");
        robot(people[8], invitations.get(8), "Please confirm your email to reach me",
                "I use a challenge-response spam filter. Click below to be added to my approved senders.\n");

        for (int i = 0; i < 5; i++) {
            mail.waitFor(people[i], 2);
        }
        for (int i = 5; i < people.length; i++) {
            String messageId = "<robot-" + i + "@robots.example>";
            await(() -> "PROCESSED".equals(WireFixtures.inboxStatus(db, messageId.substring(1, messageId.length() - 1))),
                    "robot " + messageId);
        }
        JsonNode responses = json(service.get("/api/consultations/" + id + "/responses"), 200);
        assertThat(responses).hasSize(5);
        assertThat(byEmail(responses, people[0]).get("text").asText()).isEqualTo("1. The lane past the allotments, "
                + "the hedges have grown over the only lamp.\n2. Most evenings after work.");
        assertThat(byEmail(responses, people[1]).get("text").asText()).isEqualTo("1. Station Road\n\n2. After 9pm");
        assertThat(byEmail(responses, people[1]).get("answers").toString()).contains("Station Road", "After 9pm");
        assertThat(byEmail(responses, people[2]).get("text").asText()).isEqualTo("1. Castle Square \u2013 it\u2019s pitch "
                + "black.\n2. Council meetings end at 9.\n\nKind regards\nJohn Smith\nClerk");
        assertThat(byEmail(responses, people[3]).get("text").asText()).isEqualTo("Heol y Br\u00e2n and the \u0175yl field.");
        assertThat(byEmail(responses, people[4]).get("text").asText()).isEqualTo("The bus station; my survey is attached.");

        String acknowledgement = plain(mail.waitFor(people[4], 2));
        assertThat(acknowledgement).contains("Thank you", "lighting survey.pdf", "only the words of your email")
                .doesNotContain("image001.png");
        assertThat(plain(mail.waitFor(people[0], 2))).contains("Thank you").doesNotContain("files attached");
        for (int i = 5; i < people.length; i++) {
            assertThat(mail.to(people[i])).as("answered " + people[i]).hasSize(1);
        }
    }

    private MimeMessage reply(String from, MimeMessage invitation) throws Exception {
        MimeMessage m = mail.message(from, "Re: " + invitation.getSubject(), "");
        m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(replyTo(invitation)));
        m.setHeader("In-Reply-To", invitation.getMessageID());
        m.setHeader("Message-ID", "<reply-" + from + ">");
        return m;
    }

    private void robot(String from, MimeMessage invitation, String subject, String body) throws Exception {
        MimeMessage m = mail.message(from, subject, body);
        m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(replyTo(invitation)));
        m.setHeader("In-Reply-To", invitation.getMessageID());
        int index = List.of("away@office.example", "gwyn@i-ffwrdd.example", "desk@tickets.example",
                "guarded@challenge.example").indexOf(from) + 5;
        m.setHeader("Message-ID", "<robot-" + index + "@robots.example>");
        mail.toBot(m);
    }

    private static MimeBodyPart raw(String type, String text) throws Exception {
        MimeBodyPart p = new MimeBodyPart();
        p.setDataHandler(new DataHandler(new ByteArrayDataSource(text.getBytes(StandardCharsets.UTF_8), type)));
        p.setHeader("Content-Type", type);
        p.setHeader("Content-Transfer-Encoding", "quoted-printable");
        return p;
    }

    private static String quote(String text) {
        return "> " + text.replace("\r\n", "\n").strip().replace("\n", "\n> ");
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r\n", "\n")
                .replace("\n", "<br>\n");
    }

    private static JsonNode byEmail(JsonNode responses, String email) {
        for (JsonNode r : responses) {
            if (email.equals(r.get("respondent").get("email").asText())) {
                return r;
            }
        }
        throw new AssertionError("no response from " + email + " in " + responses);
    }

    private long publish(String body) {
        Instant now = service.bean(Clock.class).instant();
        String dates = "\"opensAt\": \"" + now.minus(Duration.ofDays(1)) + "\", \"closesAt\": \""
                + now.plus(Duration.ofDays(100)) + "\", ";
        long id = json(service.postJson("/api/consultations", "{" + dates + body.substring(1)), 201).get("id").asLong();
        json(service.postJson("/api/consultations/" + id + "/publish", ""), 200);
        return id;
    }
}
