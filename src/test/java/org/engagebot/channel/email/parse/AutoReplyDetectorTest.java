package org.engagebot.channel.email.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AutoReplyDetectorTest {

    private final AutoReplyDetector detector = new AutoReplyDetector();

    static ParsedMail mail(String headers) {
        String raw = headers + "\n\nbody\n";
        return ((ParseOutcome.Parsed) new MailParser().parse(raw.getBytes(StandardCharsets.UTF_8))).mail();
    }

    @Test
    void detectsAutoSubmittedButNotAutoSubmittedNo() {
        assertThat(detector.detect(mail("From: a@example.org\nAuto-Submitted: auto-replied")).isAuto()).isTrue();
        assertThat(detector.detect(mail("From: a@example.org\nAuto-Submitted: no")).isAuto()).isFalse();
    }

    @Test
    void detectsWelshAndEnglishOutOfOfficeSubjects() {
        assertThat(detector.detect(mail("From: a@example.org\nSubject: Allan o'r swyddfa: Ymgynghoriad")).isAuto()).isTrue();
        assertThat(detector.detect(mail("From: a@example.org\nSubject: Ateb awtomatig: Ymweliad")).isAuto()).isTrue();
        assertThat(detector.detect(mail("From: a@example.org\nSubject: Automatic reply: Visit")).isAuto()).isTrue();
        assertThat(detector.detect(mail("From: a@example.org\nSubject: Abwesenheitsnotiz")).isAuto()).isTrue();
    }

    @Test
    void detectsListTrafficSystemSendersAndNullReturnPath() {
        assertThat(detector.detect(mail("From: a@example.org\nList-Id: <news.example.org>")).reason()).isEqualTo("mailing list");
        assertThat(detector.detect(mail("From: a@example.org\nPrecedence: bulk")).isAuto()).isTrue();
        assertThat(detector.detect(mail("From: No-Reply@example.org")).isAuto()).isTrue();
        assertThat(detector.detect(mail("From: a@example.org\nReturn-Path: <>")).reason()).isEqualTo("empty Return-Path");
        assertThat(detector.detect(mail("From: a@example.org\nX-Autoreply: yes")).isAuto()).isTrue();
    }

    @Test
    void detectsMailingListManagersNotices() {
        assertThat(detector.detect(mail("From: neko-admin@example.co.jp\nSubject: Loop Alert: Duplicated Message-ID (neko ML)\n"
                + "X-MLServer: fml [fml 4.0.3 release (20011202/4.0.3)]")).reason()).isEqualTo("mailing list");
        assertThat(detector.detect(mail("From: neko-admin@example.org\nSubject: You are not member (neko-nyaan ML)\n"
                + "Mailing-List: contact nyaan-help@neko.example.org; run by ezmlm")).reason()).isEqualTo("mailing list");
        assertThat(detector.detect(mail("From: a@example.org\nList-Subscribe: <mailto:list-ctl@example.org?body=subscribe>"))
                .reason()).isEqualTo("mailing list");
        assertThat(detector.detect(mail("From: a@example.org\nX-Mailing-List: <news@example.org>")).isAuto()).isTrue();
        assertThat(detector.detect(mail("From: a@example.org\nX-BeenThere: news@lists.example.org")).isAuto()).isTrue();
    }

    @Test
    void leavesAPersonsReplyAlone() {
        assertThat(detector.detect(mail("From: Ann <ann@example.org>\nSubject: Re: Visit on Tuesday")))
                .isEqualTo(AutoReplyVerdict.HUMAN);
    }

    static ParsedMail mail(String headers, String body) {
        String raw = headers + "\n\n" + body;
        return ((ParseOutcome.Parsed) new MailParser().parse(raw.getBytes(StandardCharsets.UTF_8))).mail();
    }

    @Test
    void detectsOutOfOfficeByItsOpeningWhenNoHeaderOrSubjectSaysSo() {
        assertThat(detector.detect(mail("From: a@example.org\nSubject: Re: Street lighting (CON-2026-07)",
                "Thank you for your email. I am currently out of the office until Monday 9 November with no access "
                        + "to email.\nFor anything urgent please ring 01234 567890.\n")).isAuto()).isTrue();
        assertThat(detector.detect(mail("From: a@example.org\nSubject: Re: Goleuadau stryd",
                "Diolch am eich neges. Rydw i allan o'r swyddfa tan ddydd Llun.\n\nThank you for your message. I am "
                        + "out of the office until Monday.\n")).isAuto()).isTrue();
        assertThat(detector.detect(mail("From: a@example.org\nSubject: Re: Goleuadau stryd",
                "Dw i i ffwrdd ar wyliau tan 9 Tachwedd.\n")).isAuto()).isTrue();
        assertThat(detector.detect(mail("From: a@example.org\nSubject: Allan o’r swyddfa", "")).isAuto()).isTrue();
    }

    @Test
    void aResidentWhoMentionsBeingAwayIsStillHeard() {
        assertThat(detector.detect(mail("From: a@example.org\nSubject: Re: Street lighting (CON-2026-07)",
                "Station Road is the worst. I walk there every night.\n\nI am away from the office until Monday, "
                        + "so please reply after that.\n")).isAuto()).isFalse();
        assertThat(detector.detect(mail("From: a@example.org\nSubject: Re: Night buses (CON-2026-08)",
                "Thank you for contacting us about buses: more at night, please.\n")).isAuto()).isFalse();
    }

    @Test
    void detectsTicketListAndChallengeAcknowledgements() {
        assertThat(detector.detect(mail("From: help@council.example\nSubject: [Ticket #48213] Re: Street lighting",
                "Your request has been logged.")).isAuto()).isTrue();
        assertThat(detector.detect(mail("From: help@council.example\nSubject: Request 48213 received: Street lighting",
                "We will reply within 5 working days.")).isAuto()).isTrue();
        assertThat(detector.detect(mail("From: enquiries@council.example\nSubject: Diolch am eich e-bost / Thank you "
                + "for your email", "Rydym wedi derbyn eich neges.")).isAuto()).isTrue();
        assertThat(detector.detect(mail("From: list-owner@lists.example\nSubject: Your message to residents awaits "
                + "moderator approval", "Posting to a moderated list.")).isAuto()).isTrue();
        assertThat(detector.detect(mail("From: a@example.org\nSubject: Please confirm your email to reach me",
                "I use a challenge-response spam filter. Click below to be added to my approved senders.")).isAuto())
                .isTrue();
        assertThat(detector.detect(mail("From: rt@council.example\nRT-Ticket: council.example #48213\n"
                + "Subject: Re: Street lighting", "Noted.")).isAuto()).isTrue();
        assertThat(detector.detect(mail("From: a@example.org\nSubject: Re: Street lighting (CON-2026-07)",
                "Station Road.")).isAuto()).isFalse();
        assertThat(detector.detect(mail("From: a@example.org\nSubject: Re: Confirm your email address",
                "The code is 123456.")).isAuto()).as("a person answering our own identity mail").isFalse();
    }
}
