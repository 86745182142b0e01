package org.engagebot.channel.email;

import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;
import org.engagebot.testing.mail.RefusingSmtpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagebot.testing.mail.MailHarness.await;

/** Replies to addresses a real SMTP server (a socket answering RCPT TO) refuses for good, later, or accepts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmtpRefusalIT {
    private RefusingSmtpServer smtp;
    private TestService service;

    @BeforeAll
    void start() {
        smtp = new RefusingSmtpServer(address -> {
            if (address.endsWith("@refused.example")) {
                return "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown";
            }
            if (address.endsWith("@busy.example")) {
                return "451 4.3.0 Mailbox busy, try again later";
            }
            return "250 2.1.5 OK";
        }, recipients -> recipients.endsWith("@strict.example")
                ? "554 5.7.1 Message rejected by policy" : "250 2.0.0 OK queued");
        service = TestService.start(Map.of(
                "engagebot.mail.smtp.host", "127.0.0.1",
                "engagebot.mail.smtp.port", smtp.port(),
                "engagebot.mail.smtp.starttls", false,
                "engagebot.mail.address", "engage@opcc.example"));
    }

    @AfterAll
    void stop() {
        service.close();
        smtp.close();
    }

    @Test
    void aPermanentRefusalFailsTheRowAtOnceWithTheServersReason() throws Exception {
        long id = reply("nobody@refused.example");
        await(() -> "FAILED".equals(status(id)), "refused reply failed");
        Thread.sleep(1500);
        assertThat(column(id, "attempts")).isEqualTo("1");
        assertThat(column(id, "last_error")).isEqualTo("SMTP 550 5.1.1 Recipient address rejected: User unknown");
        assertThat(smtp.recipients()).filteredOn(a -> a.equals("nobody@refused.example")).hasSize(1);
    }

    @Test
    void aRefusalAfterTheMessageDataAlsoFailsAtOnce() throws Exception {
        long id = reply("office@strict.example");
        await(() -> "FAILED".equals(status(id)), "refused message failed");
        Thread.sleep(1500);
        assertThat(column(id, "attempts")).isEqualTo("1");
        assertThat(column(id, "last_error")).startsWith("SMTP 554").contains("rejected by policy");
    }

    @Test
    void anAddressThatCannotBeWrittenFailsAtOnce() {
        long id = reply("two@at@example.org");
        await(() -> "FAILED".equals(status(id)), "unwritable address failed");
        assertThat(column(id, "attempts")).isEqualTo("1");
        assertThat(column(id, "last_error")).isEqualTo("invalid address");
    }

    @Test
    void aTemporaryRefusalIsRetriedLaterAndAnAcceptedOneIsSent() {
        long busy = reply("someone@busy.example");
        long fine = reply("resident@example.org");
        await(() -> "SENT".equals(status(fine)), "accepted reply sent");
        await(() -> column(busy, "last_error") != null, "busy reply tried");
        assertThat(status(busy)).isEqualTo("QUEUED");
        assertThat(column(busy, "last_error")).startsWith("SMTP 451");
        assertThat(smtp.delivered()).contains("resident@example.org");
    }

    private long reply(String address) {
        Outbox outbox = service.bean(Outbox.class);
        long id = outbox.enqueueReply("email", address, OutboundMessage.text("Thank you for your message."));
        outbox.wake("email");
        return id;
    }

    private String status(long id) {
        return column(id, "status");
    }

    private String column(long id, String name) {
        return service.bean(Db.class).one("SELECT " + name + " FROM outbox WHERE id = ?", rs -> rs.getString(1), id).orElse(null);
    }
}
