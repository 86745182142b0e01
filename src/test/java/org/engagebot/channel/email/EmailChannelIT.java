package org.engagebot.channel.email;

import org.engagebot.testing.mail.MailHarness;
import jakarta.mail.Folder;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.contacts.ContactService;
import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagebot.testing.mail.MailHarness.await;
import static org.engagebot.testing.mail.MailHarness.text;

/** The 20 MB message goes last: GreenMail's IDLE stalls for one read timeout after it (see report). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmailChannelIT {
    private MailHarness mail;
    private TestService service;

    @BeforeAll
    void start() {
        mail = new MailHarness();
        Map<String, Object> props = new HashMap<>(mail.properties());
        props.put("test.echo-handler", "true");
        service = TestService.start(props);
    }

    @AfterAll
    void stop() {
        service.close();
        mail.close();
    }

    @Test
    void registersByEmailAskingAgainOnlyForTheInvalidAnswer() throws Exception {
        String alice = "alice@example.org";
        mail.toBot(mail.message(alice, "register", "Hello, we would like to register."));
        MimeMessage form = mail.waitFor(alice, 1);
        String formText = text(form);
        assertThat(formText).contains("1. ").contains("9. ").contains("Answer:").contains("Ateb:");
        assertThat(form.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");

        MimeMessage reply = mail.message(alice, "Re: " + form.getSubject(), String.join("\n",
                "1. Acme Trust", "2. Jane Jones", "3. 2", "4.", "5. not a phone number", "6. skip",
                "7. We run youth clubs in Conwy.", "8. yes", "9. no", "", "Jane",
                "", "On Monday, Engagebot wrote:", "> " + formText.replace("\n", "\n> ")));
        reply.setHeader("In-Reply-To", form.getMessageID());
        mail.toBot(reply);
        String again = text(mail.waitFor(alice, 2));
        assertThat(again).contains("5. ").doesNotContain("1. ").doesNotContain("7. ");

        mail.toBot(mail.message(alice, "Re: " + form.getSubject(), "5. 01248 123456\n\n> 5. Ffôn / Phone"));
        MimeMessage summaryMail = mail.waitFor(alice, 3);
        String summary = text(summaryMail);
        assertThat(summary).contains("Acme Trust").contains("01248 123456").contains("confirm", "/public/confirm/k-")
                .doesNotContain("(skipped)\n\n");

        MimeMessage confirm = mail.message(alice, "Re: " + form.getSubject(), "Confirm\n\n> " + summary.replace("\n", "\n> "));
        confirm.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(WireFixtures.replyTo(summaryMail)));
        mail.toBot(confirm);
        // Replying through the token sent to her own address proves it: no second proof (code) is asked for.
        assertThat(text(mail.waitFor(alice, 4))).contains("Acme Trust");
        assertThat(mail.to(alice)).noneMatch(m -> text(m).contains("/public/identity/confirm/"));
        var contact = service.bean(ContactService.class).byEmail(alice).orElseThrow();
        assertThat(contact.organisation()).isEqualTo("Acme Trust");
        assertThat(contact.emailConfirmed()).isEqualTo("reply");
        assertThat(contact.area()).isEqualTo("conwy");
        assertThat(contact.phone()).isEqualTo("+441248123456");
    }

    @Test
    void routesRepliesByTokenInThePlusAddressAndByReferences() throws Exception {
        String bob = "bob@example.org";
        enqueue(bob, OutboundMessage.text("Question one").withSubject("Consultation").withReplyToken("t-plus1234"));
        MimeMessage first = mail.waitFor(bob, 1);
        assertThat(((InternetAddress) first.getReplyTo()[0]).getAddress()).isEqualTo("engage+t-plus1234@opcc.example");

        MimeMessage byAddress = mail.message(bob, "Re: Consultation", "My view is yes.");
        byAddress.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("engage+t-plus1234@opcc.example"));
        mail.toBot(byAddress);
        assertThat(text(mail.waitFor(bob, 2))).contains("got t-plus1234");

        enqueue(bob, OutboundMessage.text("Question two").withSubject("Second").withReplyToken("t-refs5678"));
        MimeMessage second = mail.waitFor(bob, 3);
        MimeMessage byReference = mail.message(bob, "Re: Second", "No.\n\nOn Tuesday you wrote:\n> Question two");
        byReference.setHeader("In-Reply-To", second.getMessageID());
        byReference.setHeader("References", "<unrelated@example.org> " + second.getMessageID());
        mail.toBot(byReference);
        assertThat(text(mail.waitFor(bob, 4))).contains("got t-refs5678");
        assertThat(EchoReplyHandler.REPLIES).anyMatch(r -> r.trimmedText().equals("No."));
    }

    @Test
    void storesButNeverAnswersAnAutoReply() throws Exception {
        String carol = "carol@example.org";
        MimeMessage ooo = mail.message(carol, "Out of office", "I am away until Monday.");
        ooo.setHeader("Auto-Submitted", "auto-replied");
        ooo.setHeader("Message-ID", "<ooo-1@example.org>");
        mail.toBot(ooo);
        await(() -> "PROCESSED".equals(inboxStatus("ooo-1@example.org")), "auto-reply processed");
        mail.toBot(mail.message(carol, "hello", "Just saying hello"));
        mail.waitFor(carol, 1);
        assertThat(mail.to(carol)).hasSize(1);
    }

    @Test
    void aHardBounceHoldsTheAddressAndStopsMailToIt() throws Exception {
        String dave = "dave@example.org";
        Db db = service.bean(Db.class);
        db.update("INSERT INTO contact (organisation, name, email, created_at, updated_at) VALUES ('Dave Org', 'Dave', ?, 0, 0)", dave);
        mail.rawToBot(MailHarness.hardBounce(dave, "dsn-forged@mx.example.org", "<newsletter-1@opcc.example>"));
        await(() -> db.count("SELECT count(*) FROM email_bounce WHERE address = ? AND proven = 0", dave) == 1, "forged report recorded");
        assertThat(db.count("SELECT count(*) FROM contact WHERE email = ? AND email_on_hold = 1", dave))
                .as("a report without the Message-ID of a mail we sent him proves nothing: anyone can write one").isZero();

        enqueue(dave, OutboundMessage.text("Hello Dave"));
        MimeMessage toDave = mail.waitFor(dave, 1);
        mail.rawToBot(MailHarness.hardBounce(dave, "dsn-1@mx.example.org", toDave.getMessageID()));
        await(() -> db.count("SELECT count(*) FROM contact WHERE email = ? AND email_on_hold = 1", dave) == 1, "hold");
        assertThat(db.count("SELECT count(*) FROM email_bounce WHERE address = ? AND kind = 'HARD_BOUNCE' AND code = '5.1.1' AND proven = 1", dave)).isEqualTo(1);
        long id = enqueue(dave, OutboundMessage.text("Newsletter"));
        await(() -> "FAILED".equals(db.one("SELECT status FROM outbox WHERE id = ?", rs -> rs.getString(1), id).orElse("")), "refused");
        assertThat(db.one("SELECT last_error FROM outbox WHERE id = ?", rs -> rs.getString(1), id)).contains("address on hold");
    }

    @Test
    void aMessageStoredBeforeACrashIsProcessedExactlyOnceAfterRestart() throws Exception {
        String erin = "erin@example.org";
        MimeMessage m = mail.message(erin, "hello", "Is anyone there?");
        m.setHeader("Message-ID", "<crash-1@example.org>");
        m.saveChanges();
        m.setHeader("Message-ID", "<crash-1@example.org>");
        var out = new java.io.ByteArrayOutputStream();
        m.writeTo(out);
        byte[] raw = out.toByteArray();
        assertThat(service.bean(EmailIntake.class).store(raw)).isPresent();
        service.restart();
        mail.waitFor(erin, 1);
        mail.rawToBot(raw);
        await(() -> processedFolderHas("crash-1@example.org"), "moved to Processed");
        Thread.sleep(1500);
        assertThat(mail.to(erin)).hasSize(1);
        assertThat(inboxStatus("crash-1@example.org")).isEqualTo("PROCESSED");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void everyMalformedMessageEndsStoredOrQuarantinedWithAReason() throws Exception {
        Db db = service.bean(Db.class);
        long before = db.count("SELECT count(*) FROM inbox WHERE channel = 'email'");
        for (byte[] raw : MalformedMail.all()) {
            service.bean(EmailIntake.class).receive(raw);
        }
        mail.rawToBot(MalformedMail.withAttachment(20 * 1024 * 1024));
        await(() -> db.count("SELECT count(*) FROM inbox WHERE channel = 'email' AND reason LIKE 'too large%'") == 1, "big one");
        long stored = db.count("SELECT count(*) FROM inbox WHERE channel = 'email'") - before;
        assertThat(stored).isEqualTo(MalformedMail.all().size() + 1);
        assertThat(db.count("SELECT count(*) FROM inbox WHERE channel = 'email' AND status NOT IN ('PROCESSED', 'QUARANTINED')")).isZero();
        assertThat(db.count("SELECT count(*) FROM inbox WHERE channel = 'email' AND status = 'QUARANTINED' AND (reason IS NULL OR reason = '')")).isZero();
    }

    private long enqueue(String address, OutboundMessage message) {
        long id = service.bean(Outbox.class).enqueue("email", address, message, Outbox.BULK, null, null);
        service.bean(Outbox.class).wake("email");
        return id;
    }

    private String inboxStatus(String messageId) {
        return WireFixtures.inboxStatus(service.bean(Db.class), messageId);
    }

    private boolean processedFolderHas(String messageId) {
        try (Store store = jakarta.mail.Session.getInstance(new java.util.Properties()).getStore("imap")) {
            store.connect("127.0.0.1", mail.mail.getImap().getPort(), MailHarness.BOT, MailHarness.PASSWORD);
            Folder processed = store.getFolder(ImapWatcher.PROCESSED);
            if (!processed.exists()) {
                return false;
            }
            processed.open(Folder.READ_ONLY);
            for (var m : processed.getMessages()) {
                String[] id = m.getHeader("Message-ID");
                if (id != null && id[0].contains(messageId)) {
                    return inboxFolderEmpty(store);
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean inboxFolderEmpty(Store store) throws Exception {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        return inbox.getMessageCount() == 0;
    }
}
