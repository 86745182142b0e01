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
    void detectsNoticesFromListServersThatPredateListId() {
        // fml's "you are not a member" and loop alerts, ezmlm and Mailman traffic (sisimai's lhost-fml-02/03)
        assertThat(detector.detect(mail("From: neko-admin@example.org\nX-MLServer: fml [fml 4.0.3 release]")).reason())
                .isEqualTo("mailing list");
        assertThat(detector.detect(mail("From: a@example.org\nMailing-List: contact help@example.org; run by ezmlm"))
                .isAuto()).isTrue();
        assertThat(detector.detect(mail("From: a@example.org\nX-BeenThere: news@lists.example.org")).isAuto()).isTrue();
        assertThat(detector.detect(mail("From: a@example.org\nList-Subscribe: <mailto:l-ctl@example.org>")).isAuto())
                .isTrue();
    }

    @Test
    void leavesAPersonsReplyAlone() {
        assertThat(detector.detect(mail("From: Ann <ann@example.org>\nSubject: Re: Visit on Tuesday")))
                .isEqualTo(AutoReplyVerdict.HUMAN);
    }
}
