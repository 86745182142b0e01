package org.engagebot.channel.email.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BounceClassifierTest {

    private final BounceClassifier classifier = new BounceClassifier();

    private static ParsedMail mail(String raw) {
        return ((ParseOutcome.Parsed) new MailParser().parse(raw.getBytes(StandardCharsets.UTF_8))).mail();
    }

    private static String dsn(String status, String diagnostic) {
        return "From: MAILER-DAEMON@mx.example.org\nSubject: Undelivered Mail Returned to Sender\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=b\n\n--b\n"
                + "Content-Type: text/plain\n\nYour message could not be delivered.\n--b\n"
                + "Content-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\n"
                + "Final-Recipient: rfc822; Gone@Example.org\nAction: failed\nStatus: " + status + "\n"
                + "Diagnostic-Code: smtp; " + diagnostic + "\n--b--\n";
    }

    @Test
    void readsHardBounceFromDeliveryStatus() {
        BounceVerdict verdict = classifier.classify(mail(dsn("5.1.1", "550 5.1.1 User unknown")));
        assertThat(verdict).isEqualTo(new BounceVerdict(BounceKind.HARD_BOUNCE, java.util.List.of("gone@example.org"),
                "5.1.1", "550 5.1.1 User unknown"));
    }

    @Test
    void treatsMailboxFullAndFourHundredsAsSoft() {
        assertThat(classifier.classify(mail(dsn("5.2.2", "552 5.2.2 Mailbox full"))).kind()).isEqualTo(BounceKind.SOFT_BOUNCE);
        assertThat(classifier.classify(mail(dsn("4.4.1", "421 4.4.1 Connection timed out"))).kind())
                .isEqualTo(BounceKind.SOFT_BOUNCE);
    }

    @Test
    void recognisesEximBounceWithoutReport() {
        BounceVerdict verdict = classifier.classify(mail("""
                From: Mail Delivery System <Mailer-Daemon@mx.example.org>
                Subject: Mail delivery failed: returning message to sender

                This message was created automatically by mail delivery software.

                A message that you sent could not be delivered to one or more of its
                recipients. This is a permanent error. The following address(es) failed:

                  nobody-here@example.org
                    SMTP error from remote mail server after RCPT TO:<nobody-here@example.org>:
                    550 5.1.1 <nobody-here@example.org>: Recipient address rejected: User unknown
                """));
        assertThat(verdict.kind()).isEqualTo(BounceKind.HARD_BOUNCE);
        assertThat(verdict.recipients()).containsExactly("nobody-here@example.org");
        assertThat(verdict.status()).isEqualTo("5.1.1");
    }

    @Test
    void readsFeedbackReportAsComplaint() {
        BounceVerdict verdict = classifier.classify(mail("""
                From: abuse@isp.example
                Subject: Abuse report
                Content-Type: multipart/report; report-type=feedback-report; boundary=b

                --b
                Content-Type: text/plain

                This is an email abuse report.
                --b
                Content-Type: message/feedback-report

                Feedback-Type: abuse
                Original-Rcpt-To: <reader@isp.example>
                --b--
                """));
        assertThat(verdict).isEqualTo(new BounceVerdict(BounceKind.COMPLAINT, java.util.List.of("reader@isp.example"), null, "abuse"));
    }

    @Test
    void reportsOutOfOfficeAsAutoReplyAndLeavesPeopleAlone() {
        assertThat(classifier.classify(mail("From: ann@example.org\nSubject: Out of Office: Visit\nAuto-Submitted: auto-replied\n\nAway\n")).kind())
                .isEqualTo(BounceKind.AUTO_REPLY);
        assertThat(classifier.classify(mail("From: ann@example.org\nSubject: Re: the bounce house booking\n\n"
                + "The delivery failed last week, can we rebook?\n"))).isEqualTo(BounceVerdict.NOT_BOUNCE);
    }
}
