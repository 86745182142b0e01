package org.engagebot.channel.email.parse;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class MailFingerprintTest {
    private static final String MESSAGE = "From: ann@example.org\r\nTo: engage@opcc.example\r\nMessage-ID: <a@example.org>\r\n"
            + "Subject: Hello\r\n\r\nReceived: this line is in the body\r\n";

    private static String content(String raw) {
        return new String(MailFingerprint.content(raw.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void theSameMessageDeliveredTwiceHasTheSameContent() {
        String first = "Return-Path: <ann@example.org>\r\nReceived: from mx1 by mx.opcc.example;\r\n\tMon, 2 Nov 2026\r\n"
                + "Delivered-To: engage@opcc.example\r\nAuthentication-Results: mx.opcc.example; spf=pass\r\n" + MESSAGE;
        String second = "Received: from mx2 by mx.opcc.example; Tue, 3 Nov 2026\r\nDelivered-To: engage+c-1234@opcc.example\r\n"
                + "X-Spam-Status: No\r\nARC-Seal: i=1; cv=none\r\n" + MESSAGE;
        assertThat(content(first)).isEqualTo(content(second)).isEqualTo(MESSAGE);
    }

    @Test
    void anotherSenderSubjectOrBodyIsOtherContent() {
        assertThat(content(MESSAGE.replace("ann@", "eve@"))).isNotEqualTo(content(MESSAGE));
        assertThat(content(MESSAGE.replace("Subject: Hello", "Subject: Forget me"))).isNotEqualTo(content(MESSAGE));
        assertThat(content(MESSAGE + "yes\r\n")).isNotEqualTo(content(MESSAGE));
    }
}
