package org.engagebot.channel.email.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * What an email said, as bytes to fingerprint: the message without the header fields that servers add or change in
 * transit (Received, Return-Path, Delivered-To, Authentication-Results, spam and ARC stamps). The same message
 * fetched twice, or delivered twice (to our address and a plus address), gives the same bytes; a message with another
 * sender, subject, recipient or body does not.
 */
public final class MailFingerprint {
    private static final Set<String> TRANSIT = Set.of("received", "return-path", "delivered-to", "x-original-to",
            "envelope-to", "x-envelope-to", "x-envelope-from", "authentication-results", "received-spf", "x-received",
            "status", "x-status", "x-uid", "x-keywords", "content-length", "lines", "x-imapbase", "x-mozilla-status",
            "x-mozilla-status2");
    private static final String[] TRANSIT_PREFIXES = {"arc-", "x-spam", "x-virus", "x-rspamd", "x-ms-exchange-organization"};

    private MailFingerprint() {
    }

    public static byte[] content(byte[] raw) {
        if (raw == null) {
            return new byte[0];
        }
        int bodyStart = bodyStart(raw);
        String header = new String(raw, 0, bodyStart, StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        boolean keep = true;
        for (String line : header.split("(?<=\n)")) {
            if (!line.isEmpty() && line.charAt(0) != ' ' && line.charAt(0) != '\t') {
                int colon = line.indexOf(':');
                keep = colon <= 0 || !transit(line.substring(0, colon).strip().toLowerCase(Locale.ROOT));
            }
            if (keep) {
                out.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        out.write(raw, bodyStart, raw.length - bodyStart);
        return out.toByteArray();
    }

    private static boolean transit(String name) {
        if (TRANSIT.contains(name)) {
            return true;
        }
        for (String prefix : TRANSIT_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Index of the first byte after the header block (after the blank line), or the end when there is none. */
    private static int bodyStart(byte[] raw) {
        for (int i = 0; i < raw.length - 1; i++) {
            if (raw[i] == '\n' && (raw[i + 1] == '\n' || (raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n'))) {
                return raw[i + 1] == '\n' ? i + 2 : i + 3;
            }
        }
        return raw.length;
    }
}
