package org.engagebot.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
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

    static SendResult classify(MessagingException e) {
        int code = code(e);
        if (code >= 500 && code < 600) {
            return new SendResult.Failed("SMTP " + code + " refused");
        }
        if (e instanceof SendFailedException f && code < 0 && f.getInvalidAddresses() != null
                && f.getInvalidAddresses().length > 0) {
            return new SendResult.Failed("invalid address");
        }
        return new SendResult.Retry(Duration.ofSeconds(30), code > 0 ? "SMTP " + code : e.getClass().getSimpleName(), false);
    }

    private static int code(Exception e) {
        Exception current = e;
        while (current != null) {
            if (current instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
            if (current instanceof SMTPSendFailedException s) {
                return s.getReturnCode();
            }
            current = current instanceof MessagingException m ? m.getNextException() : null;
        }
        return -1;
    }

    @Override
    public void close() {
        pool.close();
    }
}
