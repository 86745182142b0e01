package org.engagebot.channel.email;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;

/** A real SMTP/IMAP server (GreenMail on free ports) holding the bot's mailbox, and helpers to mail the bot. */
final class MailHarness implements AutoCloseable {
    static final String BOT = "engage@opcc.example";
    static final String PASSWORD = "secret";

    final GreenMail mail;
    private final Session session;

    MailHarness() {
        mail = new GreenMail(new ServerSetup[]{new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort(),
                new ServerSetup(0, "127.0.0.1", "imap").dynamicPort()});
        mail.start();
        mail.setUser(BOT, BOT, PASSWORD);
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(mail.getSmtp().getPort()));
        session = Session.getInstance(p);
    }

    Map<String, Object> properties() {
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

    MimeMessage message(String from, String subject, String body) throws MessagingException {
        MimeMessage m = new KeepIdMessage(session);
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(BOT));
        m.setSubject(subject, "UTF-8");
        m.setText(body, "UTF-8");
        return m;
    }

    /** Sends to the bot's mailbox (the envelope recipient), whatever the To header says, as a real server does. */
    void toBot(MimeMessage m) throws MessagingException {
        m.saveChanges();
        Transport.send(m, new Address[]{new InternetAddress(BOT)});
    }

    void rawToBot(byte[] raw) throws MessagingException {
        toBot(new KeepIdMessage(session, new ByteArrayInputStream(raw)));
    }

    /** Messages the bot sent to an address, oldest first. */
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

    MimeMessage waitFor(String address, int count) {
        await(() -> to(address).size() >= count, "mail #" + count + " to " + address);
        return to(address).get(count - 1);
    }

    static void await(BooleanSupplier condition, String what) {
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

    static String text(MimeMessage m) {
        try {
            Object content = m.getContent();
            return content instanceof String s ? s : new String(m.getInputStream().readAllBytes());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
