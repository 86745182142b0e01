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
}
