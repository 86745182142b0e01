package org.engagebot.channel.email.parse;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * Parses raw RFC 5322 messages. Total: every input ends as {@link ParseOutcome.Parsed} or
 * {@link ParseOutcome.Quarantined}; no exception escapes. Streams the input once, keeping text parts
 * (capped) but only the sizes of attachments. Thread-safe: holds no state between calls.
 */
@Singleton
public class MailParser {

    private final MailLimits limits;

    public MailParser() {
        this(MailLimits.DEFAULT);
    }

    @Inject
    public MailParser(MailLimits limits) {
        this.limits = limits;
    }

    public ParseOutcome parse(byte[] raw) {
        if (raw == null || raw.length == 0) {
            return new ParseOutcome.Quarantined("unparseable: empty message");
        }
        if (raw.length > limits.maxBytes()) {
            return tooLarge(raw.length);
        }
        return parse(new ByteArrayInputStream(raw));
    }

    /** Reads {@code in} to its end (or to the size limit); the caller closes it. */
    public ParseOutcome parse(InputStream in) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            SizeLimitedInputStream counted = new SizeLimitedInputStream(in, limits.maxBytes());
            MailCollector collector = new MailCollector(limits);
            MimeStreamParser parser = new MimeStreamParser(config(), DecodeMonitor.SILENT,
                    new DefaultBodyDescriptorBuilder());
            parser.setContentDecoding(true);
            parser.setNoRecurse();
            parser.setContentHandler(collector);
            parser.parse(HeaderRepair.repair(MboxLine.skip(new DigestInputStream(counted, sha256))));
            if (counted.count() == 0) {
                return new ParseOutcome.Quarantined("unparseable: empty message");
            }
            String hash = "sha256:" + HexFormat.of().formatHex(sha256.digest());
            return new ParseOutcome.Parsed(MailAssembler.assemble(collector, hash));
        } catch (SizeLimitedInputStream.TooLarge e) {
            return tooLarge(e.size());
        } catch (LimitExceeded e) {
            return new ParseOutcome.Quarantined(e.getMessage());
        } catch (MimeException | IOException | NoSuchAlgorithmException | RuntimeException e) {
            return new ParseOutcome.Quarantined("unparseable: " + shortReason(e));
        } catch (StackOverflowError e) {
            return new ParseOutcome.Quarantined("unparseable: structure too complex");
        }
    }

    private MimeConfig config() {
        return MimeConfig.custom()
                .setStrictParsing(false)
                .setMaxHeaderCount(1000)
                .setMaxHeaderLen(100_000)
                .setMaxLineLen(1_000_000)
                .setMaxContentLen(-1)
                .setMalformedHeaderStartsBody(true)
                .build();
    }

    private ParseOutcome tooLarge(long size) {
        return new ParseOutcome.Quarantined(tooLargeReason(size, limits.maxBytes()));
    }

    /** The quarantine reason for a message of {@code size} bytes over a limit of {@code limit} bytes. */
    public static String tooLargeReason(long size, long limit) {
        return "too large: " + megabytes(size) + " over limit " + megabytes(limit);
    }

    public MailLimits limits() {
        return limits;
    }

    private static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        String shown = mb >= 10 ? String.valueOf(Math.round(mb)) : String.format(java.util.Locale.ROOT, "%.1f", mb);
        return shown.replaceFirst("\\.0$", "") + " MB";
    }

    private static String shortReason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        message = message.replaceAll("\\s+", " ");
        return message.length() > 120 ? message.substring(0, 120) : message;
    }
}
