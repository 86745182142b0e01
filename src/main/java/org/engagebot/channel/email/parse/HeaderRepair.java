package org.engagebot.channel.email.parse;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Restores folded header lines that lost their leading white space on the way (seen in Exchange Online
 * reports whose Received lines were re-wrapped). Mime4j, rightly lenient, would take such a line as the start
 * of the body, and the real headers after it (From, Subject, Content-Type) were then lost. A line is only
 * repaired when a well-formed field follows it in the same header block, so a body that starts without the
 * blank line is left where it is.
 */
final class HeaderRepair {

    private static final int HEADER_CAP = 256 * 1024;
    /** A field as senders write them: letters, digits, hyphens (RFC 5322 allows more, no mailer uses it). */
    private static final Pattern FIELD = Pattern.compile("^[A-Za-z0-9][\\w.-]*[ \\t]*:.*", Pattern.DOTALL);

    private HeaderRepair() {
    }

    static InputStream repair(InputStream raw) throws IOException {
        // buffered: the header block is read a byte at a time, and the layers below (digest, size count) are not
        InputStream in = new BufferedInputStream(raw, 8192);
        List<byte[]> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        int read = 0;
        boolean ended = false;
        while (read++ < HEADER_CAP && (b = in.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                byte[] done = line.toByteArray();
                lines.add(done);
                line.reset();
                if (isBlank(done)) {
                    ended = true;
                    break;
                }
            }
        }
        byte[] rest = line.toByteArray();
        if (!ended || lines.size() < 3) {
            return join(lines, rest, in);
        }
        for (int i = 1; i < lines.size() - 1; i++) {
            String text = new String(lines.get(i), StandardCharsets.ISO_8859_1);
            if (!startsWithSpace(text) && !FIELD.matcher(text).matches() && fieldFollows(lines, i)
                    && FIELD.matcher(new String(lines.get(0), StandardCharsets.ISO_8859_1)).matches()) {
                lines.set(i, (" " + text).getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return join(lines, rest, in);
    }

    private static boolean fieldFollows(List<byte[]> lines, int from) {
        for (int j = from + 1; j < lines.size(); j++) {
            String text = new String(lines.get(j), StandardCharsets.ISO_8859_1);
            if (FIELD.matcher(text).matches()) {
                return true;
            }
        }
        return false;
    }

    private static InputStream join(List<byte[]> lines, byte[] rest, InputStream in) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        lines.forEach(head::writeBytes);
        head.writeBytes(rest);
        return new SequenceInputStream(new ByteArrayInputStream(head.toByteArray()), in);
    }

    private static boolean startsWithSpace(String line) {
        return !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
    }

    private static boolean isBlank(byte[] line) {
        return line.length == 1 || (line.length == 2 && line[0] == '\r');
    }
}
