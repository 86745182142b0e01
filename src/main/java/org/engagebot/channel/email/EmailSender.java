package org.engagebot.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.engagebot.channel.ChannelSender;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.channel.OutboxItem;
import org.engagebot.channel.SendResult;

import java.time.Duration;

/**
 * Sends the "email" outbox over a small pool of reused SMTP connections. Refuses held addresses; SMTP 4xx and
 * connection trouble are retried, 5xx refusals fail with the server's code. Records each Message-ID sent.
 */
final class EmailSender implements ChannelSender, AutoCloseable {
    private final Session session;
    private final TransportPool pool;
    private final MimeComposer composer;
    private final SentMail sent;
    private final HoldList holds;
    private final MailSettings settings;

    EmailSender(Session session, MailSettings.Server smtp, MailSettings settings, MimeComposer composer,
                SentMail sent, HoldList holds) {
        this.session = session;
        this.settings = settings;
        this.pool = new TransportPool(session, smtp.username(), smtp.password(), settings.poolSize, settings.recycleAfter);
        this.composer = composer;
        this.sent = sent;
        this.holds = holds;
    }

    @Override
    public String channel() {
        return EmailChannel.NAME;
    }

    @Override
    public double bulkRatePerSecond() {
        return settings.rate;
    }

    @Override
    public int concurrency() {
        return settings.poolSize;
    }

    @Override
    public SendResult send(OutboxItem item) {
        if (holds.isHeld(item.address())) {
            return new SendResult.Failed(SendResult.Failed.ON_HOLD);
        }
        OutboundMessage message = Outbox.read(item.payload(), OutboundMessage.class);
        try {
            MimeComposer.Composed composed = composer.compose(session, item.address(), message,
                    item.priority() == Outbox.REPLY);
            pool.with(t -> t.sendMessage(composed.message(), composed.message().getAllRecipients()));
            String token = message.replyToken();
            return new SendResult.Sent(composed.messageId(),
                    () -> sent.record(composed.messageId(), item.id(), item.address(), token));
        } catch (MessagingException e) {
            return classify(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.Retry(Duration.ofSeconds(5), "interrupted", false);
        }
    }

    /**
     * A 5xx reply (to MAIL, RCPT or DATA) is a permanent refusal: the row fails at once with the server's words.
     * 4xx replies and connection trouble are retried (the worker backs off and gives up after its attempts).
     */
    static SendResult classify(MessagingException e) {
        MessagingException refusal = refusal(e);
        int code = refusal == null ? -1 : returnCode(refusal);
        if (code >= 500 && code < 600) {
            return new SendResult.Failed(reason(code, refusal));
        }
        if (e instanceof AddressException || e instanceof SendFailedException f && code < 0
                && f.getInvalidAddresses() != null && f.getInvalidAddresses().length > 0) {
            return new SendResult.Failed("invalid address");
        }
        return new SendResult.Retry(Duration.ofSeconds(30), code > 0 ? reason(code, refusal) : e.getClass().getSimpleName(), false);
    }

    /** The first exception in the chain that carries an SMTP reply code. */
    private static MessagingException refusal(MessagingException e) {
        Exception current = e;
        while (current != null) {
            if (current instanceof SMTPAddressFailedException || current instanceof SMTPSendFailedException) {
                return (MessagingException) current;
            }
            current = current instanceof MessagingException m ? m.getNextException() : null;
        }
        return null;
    }

    private static int returnCode(MessagingException e) {
        return e instanceof SMTPAddressFailedException a ? a.getReturnCode() : ((SMTPSendFailedException) e).getReturnCode();
    }

    /**
     * "SMTP 550 5.1.1 Recipient address rejected: User unknown": the server's reply on one line with any address
     * taken out, so one newsletter's failures group by reason and the reason holds no personal data.
     */
    private static String reason(int code, MessagingException refusal) {
        String text = refusal.getMessage() == null ? "" : refusal.getMessage()
                .replaceAll("<?[^\\s<>@]+@[^\\s<>]+>?:?", " ").replaceAll("\\s+", " ").strip();
        if (!text.startsWith(Integer.toString(code))) {
            text = code + " " + text;
        }
        String reason = "SMTP " + text.strip();
        return reason.length() > 300 ? reason.substring(0, 300) : reason;
    }

    @Override
    public void close() {
        pool.close();
    }
}
