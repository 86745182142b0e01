package org.engagebot.channel.email;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;
import org.engagebot.testing.mail.MailHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagebot.channel.email.WireFixtures.plain;
import static org.engagebot.channel.email.WireFixtures.replyTo;
import static org.engagebot.testing.mail.MailHarness.await;

/**
 * An email's From header is a claim, not an identity: attacks by forged mail, tried over real SMTP/IMAP, leave the
 * victim's record and existence unchanged, while the owner of the mailbox still gets her data and erases herself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailTrustIT {
    private static final Pattern LINK = Pattern.compile("/public/confirm/(k-[0-9a-f]{32})");
    private MailHarness mail;
    private TestService service;
    private Db db;

    @BeforeAll
    void start() {
        mail = new MailHarness();
        service = TestService.start(new HashMap<>(mail.properties()));
        db = service.bean(Db.class);
    }

    @AfterAll
    void stop() {
        service.close();
        mail.close();
    }

    @Test
    void aForgedForgetMeAndAForgedYesEraseNobodyButHerOwnReplyDoes() throws Exception {
        String megan = "megan@elusen.example";
        String eve = "eve.forget@evil.example";
        long contact = WireFixtures.contact(db, "Megan Hughes", megan, "en", true);
        send(megan, "Forget me", "", "<forget-1@evil.example>");
        MimeMessage question = mail.waitFor(megan, 1);
        assertThat(plain(question)).contains("Are you sure", "/public/confirm/k-", "If you did not ask for this");
        assertThat(replyTo(question)).matches("engage\\+k-[0-9a-f]{32}@opcc\\.example");

        send(megan, "Re: Delete my data", "YES", "<forget-2@evil.example>");
        MimeMessage stolen = mail.message(eve, "Re: Delete my data", "YES");
        stolen.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(replyTo(question)));
        stolen.setHeader("Message-ID", "<forget-3@evil.example>");
        mail.toBot(stolen);
        send(eve, "yes", "YES", "<forget-4@evil.example>", "engage+k-" + "0".repeat(32) + "@opcc.example");
        awaitProcessed("forget-2@evil.example", "forget-3@evil.example", "forget-4@evil.example");
        assertThat(plain(mail.waitFor(eve, 1)) + plain(mail.waitFor(eve, 2))).contains(
                "only that address can use it", "expired or has already been used");
        assertThat(db.count("SELECT count(*) FROM contact WHERE id = ? AND email = ?", contact, megan)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM consent WHERE contact_id = ?", contact)).isEqualTo(1);

        reply(question, megan, "Yes\n\n> Are you sure?");
        assertThat(plain(mail.waitFor(megan, 3))).contains("we have deleted everything we held about you");
        assertThat(db.count("SELECT count(*) FROM contact WHERE id = ?", contact)).isZero();
    }

    @Test
    void myDataGoesOnlyToTheAddressOnFileOnceItsOwnerAsksAndTheLinkActsOnlyOnAPost() throws Exception {
        String tomos = "tomos@elusen.example";
        String eve = "eve.mydata@evil.example";
        WireFixtures.contact(db, "Tomos Evans", tomos, "en", false);
        send(tomos, "my data", "Please send my data", "<mydata-1@evil.example>");
        MimeMessage request = mail.waitFor(tomos, 1);
        assertThat(plain(request)).contains("a copy of the data").doesNotContain("Tomos Evans", "/public/mydata/");
        assertThat(exportLinks()).isZero();

        MimeMessage stolen = mail.message(eve, "Re: my data", "yes");
        stolen.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(replyTo(request)));
        stolen.setHeader("Message-ID", "<mydata-2@evil.example>");
        mail.toBot(stolen);
        awaitProcessed("mydata-2@evil.example");
        assertThat(exportLinks()).isZero();
        assertThat(mail.to(tomos)).hasSize(1);

        String token = token(plain(request));
        HttpResponse<String> page = anonymous("GET", "/public/confirm/" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"", "Send me my data").doesNotContain("Tomos");
        assertThat(exportLinks()).isZero();

        HttpResponse<String> done = anonymous("POST", "/public/confirm/" + token);
        assertThat(done.body()).contains("we have sent a copy of your data");
        String summary = plain(mail.waitFor(tomos, 2));
        assertThat(summary).contains("Tomos Evans", "/public/mydata/");
        assertThat(anonymous("POST", "/public/confirm/" + token).statusCode()).isEqualTo(404);
        assertThat(mail.to(eve)).extracting(WireFixtures::plain).noneMatch(t -> t.contains("/public/mydata/"));
    }

    @Test
    void aRegistrationThatWouldChangeSomeoneElsesRecordWaitsForHerAndAForgedConfirmChangesNothing() throws Exception {
        String rhian = "rhian@real.example";
        long contact = WireFixtures.contact(db, "Rhian Jones", rhian, "en", true);
        String eve = "eve.register@evil.example";
        send(eve, "register", "We would like to register.", "<reg-1@evil.example>");
        MimeMessage form = mail.waitFor(eve, 1);
        send(eve, "Re: " + form.getSubject(), String.join("\n", "1. Evil Org", "2. Eve", "3. 2", "4. " + rhian,
                "5. 01248 123456", "6. skip", "7. We take over records.", "8. yes", "9. yes"), "<reg-2@evil.example>");
        String summary = plain(mail.waitFor(eve, 2));
        assertThat(summary).contains("Evil Org", "we will send a message to " + rhian).doesNotContain("/public/confirm/");
        send(eve, "Re: " + form.getSubject(), "confirm", "<reg-3@evil.example>");
        assertThat(plain(mail.waitFor(eve, 3))).contains("We have sent a message to " + rhian);
        String request = plain(mail.waitFor(rhian, 1));
        assertThat(request).contains("Someone writing from " + eve, "Evil Org", "If you did not ask for this");

        send(rhian, "register", "", "<reg-4@evil.example>");
        MimeMessage forgedForm = mail.waitFor(rhian, 2);
        send(rhian, "Re: " + forgedForm.getSubject(), String.join("\n", "1. Evil Org", "2. Eve", "3. 2", "4.",
                "5. 01248 123456", "6. skip", "7. We take over records.", "8. yes", "9. yes"), "<reg-5@evil.example>");
        mail.waitFor(rhian, 3);
        send(rhian, "Re: " + forgedForm.getSubject(), "confirm", "<reg-6@evil.example>");
        awaitProcessed("reg-6@evil.example");
        mail.waitFor(rhian, 4);
        assertThat(db.one("SELECT organisation FROM contact WHERE id = ?", rs -> rs.getString(1), contact))
                .contains("Rhian Jones Org");
        assertThat(db.count("SELECT count(*) FROM contact_channel WHERE contact_id = ?", contact)).isZero();
        assertThat(db.count("SELECT count(*) FROM contact WHERE organisation = 'Evil Org'")).isZero();
    }

    @Test
    void aReusedMessageIdFromAnotherSenderOrWithOtherContentIsKeptQuarantinedAndATrueRepeatChangesNothing() throws Exception {
        String ann = "ann@elusen.example";
        String eve = "eve.reuse@evil.example";
        MimeMessage original = mail.message(ann, "hello", "Is anyone there?");
        original.setHeader("Message-ID", "<dup-1@elusen.example>");
        original.saveChanges();
        original.setHeader("Message-ID", "<dup-1@elusen.example>");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        original.writeTo(bytes);
        mail.rawToBot(bytes.toByteArray());
        mail.waitFor(ann, 1);

        send(eve, "Forget me", "", "<dup-1@elusen.example>");
        send(ann, "hello", "Something else entirely", "<dup-1@elusen.example>");
        mail.rawToBot(bytes.toByteArray());
        await(() -> db.count("SELECT count(*) FROM inbox WHERE external_id LIKE 'dup-1@elusen.example#reuse-%'") == 2,
                "both reuses stored");
        List<String> reasons = db.query("SELECT address || ': ' || reason FROM inbox WHERE external_id LIKE "
                + "'dup-1@elusen.example#reuse-%' AND status = 'QUARANTINED' AND raw IS NOT NULL ORDER BY id", rs -> rs.getString(1));
        assertThat(reasons).containsExactly(eve + ": Message-ID reused by a different sender",
                ann + ": Message-ID reused with different content");
        Thread.sleep(1500);
        assertThat(db.count("SELECT count(*) FROM inbox WHERE external_id LIKE 'dup-1@elusen.example%'")).isEqualTo(3);
        assertThat(mail.to(eve)).isEmpty();
        assertThat(mail.to(ann)).hasSize(1);
    }

    private void send(String from, String subject, String body, String messageId) throws Exception {
        send(from, subject, body, messageId, null);
    }

    private void send(String from, String subject, String body, String messageId, String to) throws Exception {
        MimeMessage m = mail.message(from, subject, body);
        if (to != null) {
            m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
        }
        m.setHeader("Message-ID", messageId);
        mail.toBot(m);
    }

    /** Answers as a mail client does: to the Reply-To address, threaded. */
    private void reply(MimeMessage m, String from, String body) throws Exception {
        MimeMessage reply = mail.message(from, "Re: " + m.getSubject(), body);
        reply.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(replyTo(m)));
        reply.setHeader("In-Reply-To", m.getMessageID());
        mail.toBot(reply);
    }

    private void awaitProcessed(String... messageIds) {
        for (String id : messageIds) {
            await(() -> "PROCESSED".equals(WireFixtures.inboxStatus(db, id)), id + " processed");
        }
    }

    private long exportLinks() {
        return db.count("SELECT count(*) FROM privacy_export_token");
    }

    private static String token(String text) {
        Matcher m = LINK.matcher(text);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> anonymous(String method, String path) {
        return service.send(HttpRequest.newBuilder(service.url(path)).method(method, HttpRequest.BodyPublishers.noBody())
                .header("Content-Type", "application/x-www-form-urlencoded").build());
    }
}
