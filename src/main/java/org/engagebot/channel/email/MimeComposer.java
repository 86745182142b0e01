package org.engagebot.channel.email;

import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.engagebot.channel.Attachment;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.OutboxAttachments;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;

/**
 * Turns an outbox payload into a MIME message: text (and HTML as multipart/alternative when given), From the
 * bot, Reply-To its plus address when a reply token is set, In-Reply-To/References, the payload's extra headers,
 * Auto-Submitted on replies to inbound mail, attachments (multipart/mixed, bytes loaded one file at a time), and
 * our own Message-ID (returned for routing).
 */
@Singleton
class MimeComposer {
    static final String DEFAULT_SUBJECT = "Swyddfa'r Comisiynydd / Commissioner's office";
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        // jakarta.mail looks its StreamProvider up on every MimeMessage.writeTo; without this property that is a
        // ServiceLoader scan of every jar on the class path per message (a third of an outbound send's CPU).
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final BotAddress bot;
    private final Clock clock;
    private final OutboxAttachments files;

    MimeComposer(BotAddress bot, Clock clock, OutboxAttachments files) {
        this.bot = bot;
        this.clock = clock;
        this.files = files;
    }

    record Composed(MimeMessage message, String messageId) {
    }

    Composed compose(Session session, String to, OutboundMessage m, boolean automatic) throws MessagingException {
        String messageId = newMessageId();
        MimeMessage msg = new FixedIdMessage(session, "<" + messageId + ">");
        msg.setFrom(new InternetAddress(bot.address()));
        msg.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
        if (m.replyToken() != null) {
            msg.setReplyTo(new InternetAddress[]{new InternetAddress(bot.withToken(m.replyToken()))});
        }
        msg.setSubject(m.subject() == null ? DEFAULT_SUBJECT : m.subject(), "UTF-8");
        msg.setSentDate(Date.from(clock.instant()));
        if (m.inReplyTo() != null) {
            String ref = "<" + SentMail.bare(m.inReplyTo()) + ">";
            msg.setHeader("In-Reply-To", ref);
            msg.setHeader("References", ref);
        }
        if (automatic) {
            msg.setHeader("Auto-Submitted", "auto-replied");
        }
        for (Map.Entry<String, String> h : m.emailHeaders().entrySet()) {
            msg.setHeader(h.getKey(), h.getValue());
        }
        body(msg, m);
        msg.saveChanges();
        return new Composed(msg, messageId);
    }

    private void body(MimeMessage msg, OutboundMessage m) throws MessagingException {
        if (m.attachments().isEmpty()) {
            if (m.emailHtml() == null || m.emailHtml().isBlank()) {
                msg.setText(plain(m), StandardCharsets.UTF_8.name());
            } else {
                msg.setContent(alternative(m));
            }
            return;
        }
        MimeBodyPart main = new MimeBodyPart();
        if (m.emailHtml() == null || m.emailHtml().isBlank()) {
            main.setText(plain(m), StandardCharsets.UTF_8.name());
        } else {
            main.setContent(alternative(m));
        }
        msg.setContent(withAttachments(main, m));
    }

    /**
     * The text, and the reply's choices (chat buttons) as a list to answer with: email has no buttons, and a reply
     * that offers choices must not arrive without them. Labels only, so the list reads in the message's language.
     */
    static String plain(OutboundMessage m) {
        if (m.choices().isEmpty()) {
            return m.text();
        }
        StringBuilder text = new StringBuilder(m.text().stripTrailing()).append("\n");
        m.choices().forEach(c -> text.append("\n- ").append(c.label()));
        return text.toString();
    }

    private static MimeMultipart alternative(OutboundMessage m) throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(plain(m), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setText(m.emailHtml(), StandardCharsets.UTF_8.name(), "html");
        return new MimeMultipart("alternative", text, html);
    }

    /** The body and the attachments as multipart/mixed; a missing file is an error, never silently left out. */
    private MimeMultipart withAttachments(MimeBodyPart main, OutboundMessage m) throws MessagingException {
        MimeMultipart mixed = new MimeMultipart("mixed", main);
        for (Attachment a : m.attachments()) {
            byte[] bytes = files.content(a.id()).orElseThrow(() -> new MessagingException("attachment missing: " + a.id()));
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new jakarta.activation.DataHandler(
                    new jakarta.mail.util.ByteArrayDataSource(bytes, a.contentType())));
            part.setFileName(a.filename());
            part.setDisposition(jakarta.mail.Part.ATTACHMENT);
            mixed.addBodyPart(part);
        }
        return mixed;
    }

    private String newMessageId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        String domain = bot.address().substring(bot.address().lastIndexOf('@') + 1);
        return HexFormat.of().formatHex(bytes) + "." + clock.millis() + "@" + domain;
    }

    /** Keeps the Message-ID we chose (saveChanges would replace it). */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
