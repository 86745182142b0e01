package org.engagebot.channel.email;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Broken messages of the kinds real mailboxes hold. */
final class MalformedMail {

    static List<byte[]> all() {
        return List.of(
                bytes("From: a@example.org\r\nTo: engage@opcc.example\r\nSubject: bad boundary\r\nMessage-ID: <m1@x>\r\n"
                        + "Content-Type: multipart/mixed; boundary=\"nope\"\r\n\r\n--other\r\nContent-Type: text/plain\r\n\r\nhi\r\n"),
                bytes("From: b@example.org\r\nTo: engage@opcc.example\r\nSubject: wrong charset\r\nMessage-ID: <m2@x>\r\n"
                        + "Content-Type: text/plain; charset=x-unknown-9\r\n\r\nCaf\u00e9 \u00e2\r\n"),
                latin1("From: c@example.org\r\nTo: engage@opcc.example\r\nSubject: 8-bit h\u00e9ader \u00fc\r\nMessage-ID: <m3@x>\r\n\r\nbody\r\n"),
                bytes("this is not an email at all"),
                new byte[0],
                bytes("To: engage@opcc.example\r\nSubject: no sender\r\nMessage-ID: <m4@x>\r\n\r\nanonymous\r\n"),
                bytes("From: d@example.org\r\nTo: engage@opcc.example\r\nSubject: bad base64\r\nMessage-ID: <m5@x>\r\n"
                        + "Content-Transfer-Encoding: base64\r\nContent-Type: text/plain\r\n\r\n!!!%%%***\r\n"));
    }

    static byte[] withAttachment(int size) {
        byte[] payload = new byte[size];
        new java.util.Random(1).nextBytes(payload);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size * 2);
        String head = "From: big@example.org\r\nTo: engage@opcc.example\r\nSubject: big\r\nMessage-ID: <big-1@x>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
                + "see attached\r\n--b\r\nContent-Type: application/octet-stream; name=\"big.bin\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n";
        out.writeBytes(bytes(head));
        out.writeBytes(Base64.getMimeEncoder().encode(payload));
        out.writeBytes(bytes("\r\n--b--\r\n"));
        return out.toByteArray();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
