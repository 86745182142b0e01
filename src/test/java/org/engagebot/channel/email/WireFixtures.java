package org.engagebot.channel.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.engagebot.platform.Db;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Fixtures shared by the ITs that drive features through the email channel. */
final class WireFixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WireFixtures() {
    }

    static long contact(Db db, String name, String email, String language, boolean subscribed) {
        long now = System.currentTimeMillis();
        long id = db.insert("INSERT INTO contact (organisation, name, email, language, area, subscribed, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, 'conwy', ?, ?, ?)", name + " Org", name, email, language, subscribed, now, now);
        db.insert("INSERT INTO consent (contact_id, purpose, granted, version, channel, recorded_at) VALUES (?, 'contact', 1, "
                + "'v1', 'import', ?)", id, now);
        return id;
    }

    static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The text/plain body, from a single part or a multipart/alternative message. */
    static String plain(MimeMessage m) {
        try {
            Object content = m.getContent();
            if (content instanceof String s) {
                return s.replace("\r\n", "\n");
            }
            if (content instanceof jakarta.mail.Multipart mp) {
                return plain(mp).replace("\r\n", "\n");
            }
            throw new AssertionError("no text in " + content);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String html(MimeMessage m) throws Exception {
        return part((jakarta.mail.Multipart) m.getContent(), "text/html");
    }

    private static String plain(jakarta.mail.Multipart mp) throws Exception {
        return part(mp, "text/plain");
    }

    private static String part(jakarta.mail.Multipart mp, String type) throws Exception {
        for (int i = 0; i < mp.getCount(); i++) {
            jakarta.mail.BodyPart part = mp.getBodyPart(i);
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof jakarta.mail.Multipart inner) {
                String found = part(inner, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static String replyTo(MimeMessage m) throws MessagingException {
        return ((InternetAddress) m.getReplyTo()[0]).getAddress();
    }

    static String header(MimeMessage m, String name) throws MessagingException {
        String[] values = m.getHeader(name);
        return values == null ? null : values[0];
    }

    static String inboxStatus(Db db, String messageId) {
        return db.one("SELECT status FROM inbox WHERE channel = 'email' AND external_id = ?", rs -> rs.getString(1),
                messageId).orElse(null);
    }
}
