package org.engagebot.testing.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;

/** A real SMTP/IMAP server (GreenMail on free ports) holding the bot's mailbox, and helpers to mail the bot. */
public final class MailHarness implements AutoCloseable {
    public static final String BOT = "engage@opcc.example";
    public static final String PASSWORD = "secret";

    public final GreenMail mail;
    private final Session session;

    public MailHarness() {
        mail = new GreenMail(new ServerSetup[]{new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort(),
                new ServerSetup(0, "127.0.0.1", "imap").dynamicPort()});
        mail.start();
        mail.setUser(BOT, BOT, PASSWORD);
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(mail.getSmtp().getPort()));
        session = Session.getInstance(p);
    }

    /** Service properties for SMTP out and IMAP in (polled every second). */
    public Map<String, Object> properties() {
        return Map.ofEntries(Map.entry("engagebot.mail.imap.host", "127.0.0.1"),
                Map.entry("engagebot.mail.imap.port", mail.getImap().getPort()),
                Map.entry("engagebot.mail.imap.username", BOT),
                Map.entry("engagebot.mail.imap.password", PASSWORD),
                Map.entry("engagebot.mail.imap.ssl", false),
                Map.entry("engagebot.mail.smtp.host", "127.0.0.1"),
                Map.entry("engagebot.mail.smtp.port", mail.getSmtp().getPort()),
                Map.entry("engagebot.mail.smtp.starttls", false),
                Map.entry("engagebot.mail.address", BOT),
                Map.entry("engagebot.mail.poll-interval", "1s"),
                // GreenMail's IDLE sometimes misses the NOOP that should end it; tests poll every second instead
                Map.entry("engagebot.mail.imap.idle", "false"),
                Map.entry("engagebot.mail.max-replies-per-day", 20));
    }

    /**
     * Session properties for a test's own IMAP reads: whole messages in one FETCH, since GreenMail serves each
     * partial-fetch block (16 KB by default) by reading the whole message again.
     */
    public static Properties wholeFetch() {
        Properties p = new Properties();
        p.put("mail.imap.partialfetch", "false");
        return p;
    }

    /** {@link #properties()} with {@code extra} on top. */
    public Map<String, Object> properties(Map<String, Object> extra) {
        Map<String, Object> all = new java.util.HashMap<>(properties());
        all.putAll(extra);
        return all;
    }

    public MimeMessage message(String from, String subject, String body) throws MessagingException {
        MimeMessage m = new KeepIdMessage(session);
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(BOT));
        m.setSubject(subject, "UTF-8");
        m.setText(body, "UTF-8");
        return m;
    }

    /** Sends to the bot's mailbox (the envelope recipient), whatever the To header says, as a real server does. */
    public void toBot(MimeMessage m) throws MessagingException {
        m.saveChanges();
        Transport.send(m, new Address[]{new InternetAddress(BOT)});
    }

    public void rawToBot(byte[] raw) throws MessagingException {
        toBot(new KeepIdMessage(session, new ByteArrayInputStream(raw)));
    }

    /** Messages the bot sent to an address, oldest first. */
    public List<MimeMessage> to(String address) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            try {
                Address[] rcpt = m.getRecipients(Message.RecipientType.TO);
                if (rcpt != null && rcpt.length > 0 && ((InternetAddress) rcpt[0]).getAddress().equalsIgnoreCase(address)) {
                    found.add(m);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    public MimeMessage waitFor(String address, int count) {
        await(() -> to(address).size() >= count, "mail #" + count + " to " + address);
        return to(address).get(count - 1);
    }

    public static void await(BooleanSupplier condition, String what) {
        long end = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public static String text(MimeMessage m) {
        try {
            Object content = m.getContent();
            return content instanceof String s ? s : new String(m.getInputStream().readAllBytes());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A delivery status notification from the recipient's server saying mail to {@code recipient} failed for good
     * (5.1.1); {@code bouncedMessageId} (may be null) is the Message-ID of the mail that bounced.
     */
    public static byte[] hardBounce(String recipient, String messageId, String bouncedMessageId) {
        List<String> lines = new ArrayList<>(List.of(
                "From: Mail Delivery System <MAILER-DAEMON@mx.example.org>",
                "To: " + BOT,
                "Subject: Undelivered Mail Returned to Sender",
                "Message-ID: <" + messageId + ">"));
        if (bouncedMessageId != null) {
            lines.add("In-Reply-To: " + bouncedMessageId);
        }
        lines.addAll(List.of(
                "Auto-Submitted: auto-replied",
                "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"",
                "",
                "--b1",
                "Content-Type: text/plain",
                "",
                "Your message could not be delivered.",
                "",
                "--b1",
                "Content-Type: message/delivery-status",
                "",
                "Reporting-MTA: dns; mx.example.org",
                "",
                "Final-Recipient: rfc822; " + recipient,
                "Action: failed",
                "Status: 5.1.1",
                "Diagnostic-Code: smtp; 550 5.1.1 <" + recipient + ">: Recipient address rejected: User unknown",
                "",
                "--b1--",
                ""));
        return String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    /** Keeps a Message-ID the test set (Transport.send would replace it). */
    private static final class KeepIdMessage extends MimeMessage {
        KeepIdMessage(Session session) {
            super(session);
        }

        KeepIdMessage(Session session, java.io.InputStream in) throws MessagingException {
            super(session, in);
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (getHeader("Message-ID") == null) {
                super.updateMessageID();
            }
        }
    }

    @Override
    public void close() {
        mail.stop();
    }
}
