package org.engagebot.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.engagebot.platform.Db;
import org.engagebot.testing.mail.MailHarness;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Contacts, JSON, mail parts and .ics parsing for the events ITs. */
final class EventFixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventFixtures() {
    }

    static long contact(Db db, String name, String email, String language, String area) {
        long now = System.currentTimeMillis();
        long id = db.insert("INSERT INTO contact (organisation, name, email, language, area, subscribed, created_at, "
                + "updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)", name + " Org", name, email, language, area, now, now);
        db.insert("INSERT INTO consent (contact_id, purpose, granted, version, channel, recorded_at) VALUES (?, 'contact', "
                + "1, 'v1', 'import', ?)", id, now);
        return id;
    }

    static void linkTelegram(Db db, long contactId, long chat, String language) {
        long now = System.currentTimeMillis();
        long p = db.insert("INSERT INTO participant (channel, address, language, created_at, last_seen_at) VALUES "
                + "('telegram', ?, ?, ?, ?)", Long.toString(chat), language, now, now);
        db.insert("INSERT INTO contact_channel (contact_id, participant_id) VALUES (?, ?)", contactId, p);
    }

    static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The first part of a type (depth first), as text or null. */
    static Part part(Part p, String type) throws Exception {
        if (p.isMimeType(type)) {
            return p;
        }
        if (p.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                Part found = part(mp.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static String plain(MimeMessage m) throws Exception {
        Part p = part(m, "text/plain");
        return p == null ? null : ((String) p.getContent()).replace("\r\n", "\n");
    }

    /** The attached .ics, parsed back with ical4j. */
    static VEvent calendarEvent(MimeMessage m) throws Exception {
        Part ics = part(m, "text/calendar");
        assertThat(ics).as("a text/calendar attachment").isNotNull();
        assertThat(ics.getFileName()).isEqualTo("invite.ics");
        try (InputStream in = ics.getInputStream()) {
            Calendar calendar = new CalendarBuilder().build(new InputStreamReader(in, StandardCharsets.UTF_8));
            return calendar.<VEvent>getComponents("VEVENT").get(0);
        }
    }

    static String replyTo(MimeMessage m) throws Exception {
        return ((InternetAddress) m.getReplyTo()[0]).getAddress();
    }

    /** A reply from {@code from} to a message the bot sent, addressed to its Reply-To, in its thread. */
    static void reply(MailHarness mail, String from, MimeMessage to, String messageId, String body) throws Exception {
        MimeMessage r = mail.message(from, "Re: " + to.getSubject(), body);
        r.setRecipient(Message.RecipientType.TO, new InternetAddress(replyTo(to)));
        r.setHeader("Message-ID", messageId);
        r.setHeader("In-Reply-To", to.getMessageID());
        mail.toBot(r);
    }
}
