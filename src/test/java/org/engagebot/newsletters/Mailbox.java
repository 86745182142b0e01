package org.engagebot.newsletters;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** GreenMail on free ports as the service's SMTP relay and IMAP mailbox ({@link #BOT}), for newsletter ITs. */
final class Mailbox implements AutoCloseable {
    static final String BOT = "engage@opcc.example";
    private static final String PASSWORD = "secret";

    private final GreenMail mail;

    Mailbox() {
        mail = new GreenMail(new ServerSetup[]{new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort(),
                new ServerSetup(0, "127.0.0.1", "imap").dynamicPort()});
        mail.start();
        mail.setUser(BOT, BOT, PASSWORD);
    }

    /** Service properties for SMTP out and IMAP in (polled every second), plus {@code extra}. */
    Map<String, Object> properties(Map<String, Object> extra) {
        Map<String, Object> p = new HashMap<>(Map.of("engagebot.mail.smtp.host", "127.0.0.1",
                "engagebot.mail.smtp.port", mail.getSmtp().getPort(), "engagebot.mail.smtp.starttls", false,
                "engagebot.mail.imap.host", "127.0.0.1", "engagebot.mail.imap.port", mail.getImap().getPort(),
                "engagebot.mail.imap.username", BOT, "engagebot.mail.imap.password", PASSWORD,
                "engagebot.mail.imap.ssl", false, "engagebot.mail.address", BOT, "engagebot.mail.poll-interval", "1s"));
        p.put("engagebot.mail.imap.idle", "false");
        p.putAll(extra);
        return p;
    }

    /** Messages delivered to {@code address}, oldest first. */
    List<MimeMessage> to(String address) {
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

    /** Mails the bot a delivery status notification: mail to {@code recipient} failed for good (5.1.1). */
    void hardBounceToBot(String recipient) throws MessagingException {
        String dsn = String.join("\r\n",
                "From: Mail Delivery System <MAILER-DAEMON@mx.example.org>",
                "To: " + BOT,
                "Subject: Undelivered Mail Returned to Sender",
                "Message-ID: <bounce-" + recipient.hashCode() + "@mx.example.org>",
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
                "");
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(mail.getSmtp().getPort()));
        Session session = Session.getInstance(props);
        MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(dsn.getBytes(StandardCharsets.UTF_8))) {
            @Override
            protected void updateMessageID() {
            }
        };
        Transport.send(m, new Address[]{new InternetAddress(BOT)});
    }

    @Override
    public void close() {
        mail.stop();
    }
}
