package org.engagebot.channel.email.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Drops a leading mbox separator line ("From sender date"), which is not a header. */
final class MboxLine {

    private static final byte[] FROM = "From ".getBytes(StandardCharsets.US_ASCII);

    private MboxLine() {
    }

    static InputStream skip(InputStream in) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, FROM.length);
        byte[] start = pushback.readNBytes(FROM.length);
        if (!Arrays.equals(start, FROM)) {
            pushback.unread(start);
            return pushback;
        }
        int b;
        while ((b = pushback.read()) >= 0 && b != '\n') {
            // the separator line is read and discarded
        }
        return pushback;
    }
}
