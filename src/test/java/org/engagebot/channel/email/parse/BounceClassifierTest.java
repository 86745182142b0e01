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

    @Test
    void readsStatusCodesByRfc3463RatherThanByClassAlone() {
        // x.4.4 "unable to route" sent as permanent: the domain has no MX nor address
        assertThat(classifier.classify(mail(dsn("5.4.4", "Host or domain name not found. Name service error for "
                + "name=exampel.org type=A: Host not found"))).kind()).isEqualTo(BounceKind.HARD_BOUNCE);
        assertThat(classifier.classify(mail(dsn("5.4.4", "Sorry, I couldn't find a mail exchanger or IP address"))).kind())
                .isEqualTo(BounceKind.HARD_BOUNCE);
        // x.7.13 "user account disabled"
        assertThat(classifier.classify(mail(dsn("5.7.13", "550 5.7.13 Account disabled, please try later"))).kind())
                .isEqualTo(BounceKind.HARD_BOUNCE);
        // a locked account is a suspended one, even when the server invites a later try
        assertThat(classifier.classify(mail(dsn("5.7.1", "550 5.7.1 User account temporarily locked. Try again later"))).kind())
                .isEqualTo(BounceKind.HARD_BOUNCE);
    }

    @Test
    void ratesAndRefusedSendersAreSoftWhateverTheCode() {
        assertThat(classifier.classify(mail(dsn("5.2.1", "550-5.2.1 The user you are trying to contact is receiving "
                + "mail at a rate that prevents additional messages from being delivered"))).kind())
                .isEqualTo(BounceKind.SOFT_BOUNCE);
        assertThat(classifier.classify(mail(dsn("5.1.1", "550 5.1.1 <gone@example.org> 192.0.2.7 has sent to too many "
                + "recipients this hour"))).kind()).isEqualTo(BounceKind.SOFT_BOUNCE);
        assertThat(classifier.classify(mail(dsn("5.1.0", "550 5.1.0 <bounce@bot.example> sender rejected"))).kind())
                .isEqualTo(BounceKind.SOFT_BOUNCE);
        // the address itself named unknown stays hard
        assertThat(classifier.classify(mail(dsn("5.1.1", "550 5.1.1 User unknown"))).kind()).isEqualTo(BounceKind.HARD_BOUNCE);
    }

    @Test
    void recognisesCommonWordingsWithoutReportOrStatus() {
        BounceVerdict unreachable = classifier.classify(mail("""
                From: Postmaster <postmaster@mx.example.org>
                Subject: Returned mail

                Your message was not delivered within 2 days and 4 hours.
                Remote host is not responding.

                The following recipients did not receive this message:
                <someone@example.net>
                """));
        assertThat(unreachable.kind()).isEqualTo(BounceKind.SOFT_BOUNCE);
        BounceVerdict exchange = classifier.classify(mail("""
                From: System Administrator <postmaster@mx.example.org>
                Subject: Failed

                Your message
                  To:      someone@example.net
                did not reach the following recipient(s):
                someone@example.net on Mon, 2 Nov 2026 10:00:00 +0000
                    The recipient name is not recognized
                """));
        assertThat(exchange.kind()).isEqualTo(BounceKind.HARD_BOUNCE);
        BounceVerdict daemonByName = classifier.classify(mail("""
                From: Mailer Daemon <mta@mx.example.org>
                Subject: Delivery status notification: error

                An error has occurred while attempting to deliver a message for
                the following list of recipients:

                someone@example.net: Envelope expired
                """));
        assertThat(daemonByName.kind()).isEqualTo(BounceKind.SOFT_BOUNCE);
        assertThat(daemonByName.recipients()).containsExactly("someone@example.net");
        BounceVerdict loop = classifier.classify(mail("""
                From: Mail Delivery System <mailer-daemon@mx.example.org>
                Subject: Mail failure - mail loop

                A mail loop was detected: too many hops for someone@example.net.
                """));
        assertThat(loop.kind()).isEqualTo(BounceKind.SOFT_BOUNCE);
    }

    @Test
    void readsReportWhoseFoldedHeaderLostItsIndent() {
        BounceVerdict verdict = classifier.classify(mail("Received: from relay.example.net\n"
                + "(2001:db8::1) by mx.example.org with HTTPS; Mon, 2 Nov 2026 10:00:00 +0000\n"
                + dsn("5.1.1", "550 5.1.1 User unknown")));
        assertThat(verdict.kind()).isEqualTo(BounceKind.HARD_BOUNCE);
        assertThat(verdict.recipients()).containsExactly("gone@example.org");
    }

    @Test
    void readsReportWhoseBoundariesWereLost() {
        BounceVerdict verdict = classifier.classify(mail("""
                From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>
                Subject: Returned mail: see transcript for details
                Content-Type: multipart/report; report-type=delivery-status; boundary="lost"

                   ----- The following addresses had permanent fatal errors -----
                <someone@example.net>
                   ----- Transcript of session follows -----
                554 5.0.0 <someone@example.net>... Service unavailable, try again later
                """));
        assertThat(verdict.kind()).isEqualTo(BounceKind.SOFT_BOUNCE);
        assertThat(verdict.recipients()).containsExactly("someone@example.net");
    }
}
