package org.engagebot.channel.email.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MailParserTest {

    private final MailParser parser = new MailParser();

    private ParsedMail parsed(String raw) {
        return parsed(raw.getBytes(StandardCharsets.UTF_8));
    }

    private ParsedMail parsed(byte[] raw) {
        ParseOutcome outcome = parser.parse(raw);
        assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
        return ((ParseOutcome.Parsed) outcome).mail();
    }

    @Test
    void readsAddressesIdsAndDate() {
        ParsedMail mail = parsed("""
                From: "Ann Jones" <Ann.Jones@Example.ORG>
                To: engage+abc123@opcc.example, other@opcc.example
                Cc: Bob <bob@example.org>
                Delivered-To: engage+abc123@opcc.example
                Reply-To: ann@example.org
                Message-ID: <m1@example.org>
                In-Reply-To: <out-7@opcc.example>
                References: <out-1@opcc.example> <out-7@opcc.example>
                Date: Mon, 2 Nov 2026 10:15:00 +0000
                Subject: Hello

                Body
                """);
        assertThat(mail.from()).isEqualTo("ann.jones@example.org");
        assertThat(mail.fromName()).isEqualTo("Ann Jones");
        assertThat(mail.to()).containsExactly("engage+abc123@opcc.example", "other@opcc.example");
        assertThat(mail.cc()).containsExactly("bob@example.org");
        assertThat(mail.deliveredTo()).containsExactly("engage+abc123@opcc.example");
        assertThat(mail.replyTo()).isEqualTo("ann@example.org");
        assertThat(mail.messageId()).isEqualTo("m1@example.org");
        assertThat(mail.inReplyTo()).isEqualTo("out-7@opcc.example");
        assertThat(mail.references()).containsExactly("out-1@opcc.example", "out-7@opcc.example");
        assertThat(mail.date()).isEqualTo(Instant.parse("2026-11-02T10:15:00Z"));
        assertThat(mail.textBody().strip()).isEqualTo("Body");
    }

    @Test
    void decodesRfc2047Subject() {
        ParsedMail mail = parsed("From: a@example.org\nSubject: =?UTF-8?B?RGlvbGNoIHluIGZhd3I=?= =?ISO-8859-1?Q?caf=E9?=\n\nx\n");
        assertThat(mail.subject()).isEqualTo("Diolch yn fawrcafé");
    }

    @Test
    void decodesEightBitUtf8Headers() {
        ParsedMail mail = parsed("From: Siân <sian@example.org>\nSubject: Ymgynghoriad ar ddiogelwch ffyrdd – ateb\n\nx\n");
        assertThat(mail.fromName()).isEqualTo("Siân");
        assertThat(mail.subject()).isEqualTo("Ymgynghoriad ar ddiogelwch ffyrdd – ateb");
    }

    @Test
    void fallsBackWhenDeclaredCharsetLies() {
        byte[] utf8 = "From: a@example.org\nContent-Type: text/plain; charset=us-ascii\n\nBore da, Siân – diolch\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(parsed(utf8).textBody()).contains("Siân – diolch");
        byte[] cp1252 = "From: a@example.org\nContent-Type: text/plain; charset=utf-8\n\n“Quoted” café\n"
                .getBytes(Charset.forName("windows-1252"));
        assertThat(parsed(cp1252).textBody()).contains("“Quoted” café");
        byte[] unknown = "From: a@example.org\nContent-Type: text/plain; charset=x-made-up\n\nNoswaith dda\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(parsed(unknown).textBody()).contains("Noswaith dda");
    }

    @Test
    void usesContentHashWhenMessageIdIsMissing() {
        ParsedMail mail = parsed("From: a@example.org\n\nno id\n");
        assertThat(mail.messageId()).matches("sha256:[0-9a-f]{64}");
        assertThat(parsed("From: a@example.org\n\nno id\n").messageId()).isEqualTo(mail.messageId());
    }

    @Test
    void prefersPlainTextInMultipartAlternativeAndCountsAttachments() {
        ParsedMail mail = parsed("""
                From: a@example.org
                Content-Type: multipart/mixed; boundary=outer

                --outer
                Content-Type: multipart/alternative; boundary=inner

                --inner
                Content-Type: text/plain; charset=utf-8

                Plain words
                --inner
                Content-Type: text/html; charset=utf-8

                <p>HTML words</p>
                --inner--
                --outer
                Content-Type: application/pdf; name="report.pdf"
                Content-Disposition: attachment; filename="report.pdf"
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --outer--
                """);
        assertThat(mail.textBody().strip()).isEqualTo("Plain words");
        assertThat(mail.attachments()).containsExactly(new Attachment("report.pdf", "application/pdf", 9));
    }

    @Test
    void convertsHtmlOnlyBodyKeepingLinesParagraphsAndListItems() {
        ParsedMail mail = parsed("From: a@example.org\nContent-Type: text/html\n\n"
                + "<html><head><style>p{}</style></head><body><p>First para</p><p>Line one<br>Line two</p>"
                + "<ul><li>Apples</li><li>Pears</li></ul></body></html>\n");
        assertThat(mail.textBody()).isEqualTo("First para\n\nLine one\nLine two\n\n- Apples\n- Pears");
    }

    @Test
    void keepsDeliveryStatusAndOriginalHeadersOfAReport() {
        ParsedMail mail = parsed("""
                From: MAILER-DAEMON@mx.example.org
                Content-Type: multipart/report; report-type=delivery-status; boundary=b

                --b
                Content-Type: text/plain

                Delivery failed.
                --b
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.org

                Final-Recipient: rfc822; gone@example.org
                Action: failed
                Status: 5.1.1
                --b
                Content-Type: message/rfc822

                Message-ID: <out-9@opcc.example>
                Subject: Newsletter

                body
                --b--
                """);
        assertThat(mail.reportParts()).extracting(Part::contentType)
                .containsExactly("message/delivery-status", "message/rfc822");
        assertThat(mail.reportParts().get(1).text()).contains("Message-ID: <out-9@opcc.example>").doesNotContain("body");
    }

    @Test
    void quarantinesMessageOverSizeLimit() {
        MailParser small = new MailParser(new MailLimits(2 * 1024 * 1024, 100, 10));
        byte[] big = ("From: a@example.org\n\n" + "x".repeat(3 * 1024 * 1024)).getBytes(StandardCharsets.US_ASCII);
        assertThat(small.parse(big)).isEqualTo(new ParseOutcome.Quarantined("too large: 3 MB over limit 2 MB"));
        assertThat(small.parse(new java.io.ByteArrayInputStream(big)))
                .isEqualTo(new ParseOutcome.Quarantined("too large: 3 MB over limit 2 MB"));
    }

    @Test
    void quarantinesTooManyParts() {
        StringBuilder raw = new StringBuilder("From: a@example.org\nContent-Type: multipart/mixed; boundary=b\n\n");
        for (int i = 0; i < 5; i++) {
            raw.append("--b\nContent-Type: text/plain\n\npart ").append(i).append('\n');
        }
        raw.append("--b--\n");
        ParseOutcome outcome = new MailParser(new MailLimits(1_000_000, 3, 10)).parse(raw.toString().getBytes());
        assertThat(outcome).isInstanceOf(ParseOutcome.Quarantined.class);
        assertThat(((ParseOutcome.Quarantined) outcome).reason()).startsWith("too many parts");
    }

    @Test
    void quarantinesNestingTooDeep() {
        StringBuilder raw = new StringBuilder("From: a@example.org\nContent-Type: multipart/mixed; boundary=b0\n\n");
        for (int i = 1; i <= 4; i++) {
            raw.append("--b").append(i - 1).append("\nContent-Type: multipart/mixed; boundary=b").append(i).append("\n\n");
        }
        raw.append("--b4\nContent-Type: text/plain\n\ndeep\n");
        ParseOutcome outcome = new MailParser(new MailLimits(1_000_000, 100, 3)).parse(raw.toString().getBytes());
        assertThat(((ParseOutcome.Quarantined) outcome).reason()).startsWith("nesting too deep");
    }

    @Test
    void quarantinesEmptyInputAndNeverThrowsOnGarbage() {
        assertThat(parser.parse(new byte[0])).isInstanceOf(ParseOutcome.Quarantined.class);
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        assertThat(parser.parse(garbage)).isNotNull();
        assertThat(parser.parse("Content-Type: multipart/mixed; boundary=\"\n\n--\n--".getBytes())).isNotNull();
    }

    @Test
    void skipsMboxSeparatorLine() {
        ParsedMail mail = parsed("From MAILER-DAEMON  Sat Oct  4 08:00:09 2025\nFrom: a@example.org\nSubject: s\n\nx\n");
        assertThat(mail.subject()).isEqualTo("s");
    }
}
