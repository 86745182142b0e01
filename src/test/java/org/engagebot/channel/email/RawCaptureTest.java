package org.engagebot.channel.email;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class RawCaptureTest {
    private static final byte[] MAIL = ("From: a@example.org\r\nSubject: hi\r\n\r\nbody line\r\nmore body\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void keepsAMessageWithinTheLimitWholeWithItsHash() throws Exception {
        CapturedMail captured = streamed(MAIL, 1024, MAIL.length, 7);
        assertThat(captured).isInstanceOf(CapturedMail.Whole.class);
        assertThat(((CapturedMail.Whole) captured).raw()).isEqualTo(MAIL);
        assertThat(captured.sha256()).isEqualTo(sha256(MAIL));
    }

    @Test
    void overTheLimitKeepsOnlyTheHeaderBlockWithTheFullSizeAndHash() throws Exception {
        CapturedMail captured = streamed(MAIL, 40, MAIL.length, 5);
        assertThat(captured).isInstanceOf(CapturedMail.Oversize.class);
        CapturedMail.Oversize over = (CapturedMail.Oversize) captured;
        assertThat(new String(over.headers(), StandardCharsets.US_ASCII)).isEqualTo("From: a@example.org\r\nSubject: hi\r\n\r\n");
        assertThat(over.size()).isEqualTo(MAIL.length);
        assertThat(over.sha256()).isEqualTo(sha256(MAIL));
    }

    @Test
    void holdsNothingWhenTheServerAnnouncesAnOversizeMessageAndCapsTheHeaderBlock() {
        RawCapture capture = new RawCapture(10, 5_000_000, 8);
        capture.write(MAIL, 0, MAIL.length);
        CapturedMail.Oversize over = (CapturedMail.Oversize) capture.result();
        assertThat(over.headers()).hasSize(8);
        assertThat(over.size()).isEqualTo(MAIL.length);
    }

    @Test
    void growsPastAnAnnouncedSizeThatWasTooSmall() {
        CapturedMail captured = streamed(MAIL, 1024, 3, 4);
        assertThat(((CapturedMail.Whole) captured).raw()).isEqualTo(MAIL);
    }

    @Test
    void findsTheHeaderBlockOfAMessageHeldWhole() {
        assertThat(new String(RawCapture.headerBlock("A: 1\nB: 2\n\nbody".getBytes(StandardCharsets.US_ASCII)),
                StandardCharsets.US_ASCII)).isEqualTo("A: 1\nB: 2\n\n");
    }

    private static CapturedMail streamed(byte[] mail, long limit, long announced, int block) {
        RawCapture capture = new RawCapture(limit, announced, RawCapture.HEADER_KEEP);
        for (int i = 0; i < mail.length; i += block) {
            capture.write(mail, i, Math.min(block, mail.length - i));
        }
        return capture.result();
    }

    private static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
