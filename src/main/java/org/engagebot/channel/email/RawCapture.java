package org.engagebot.channel.email;

import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The sink a message is streamed into: hashes every byte, keeps the header block (up to {@code headerKeep} bytes),
 * and holds the whole message only while it stays within {@code limit}; past it the held bytes are dropped at
 * once, so memory never exceeds the limit whatever the sender sent. Not thread-safe: one message, one thread.
 */
final class RawCapture extends OutputStream {
    /** How much of an over-limit message's header block is kept for staff. */
    static final int HEADER_KEEP = 64 * 1024;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

    private final long limit;
    private final MessageDigest sha256;
    private final byte[] head;
    private int headLength;
    private boolean headDone;
    private int newlines;
    private byte[] held;
    private int heldLength;
    private long count;

    /** {@code expectedSize} (the server's RFC822.SIZE, or -1) sizes the buffer; over the limit nothing is held. */
    RawCapture(long limit, long expectedSize, int headerKeep) {
        this.limit = Math.min(limit, MAX_ARRAY);
        this.head = new byte[headerKeep];
        this.held = expectedSize > limit || limit == 0 ? null : new byte[(int) Math.max(8192, Math.min(expectedSize, this.limit))];
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static CapturedMail of(byte[] raw, long limit) {
        RawCapture capture = new RawCapture(limit, raw.length, HEADER_KEEP);
        capture.write(raw, 0, raw.length);
        return capture.result();
    }

    /** The header block of a message held whole (up to the blank line, at most {@link #HEADER_KEEP} bytes). */
    static byte[] headerBlock(byte[] raw) {
        RawCapture capture = new RawCapture(0, 0, HEADER_KEEP);
        capture.keepHead(raw, 0, Math.min(raw.length, HEADER_KEEP));
        return Arrays.copyOf(capture.head, capture.headLength);
    }

    @Override
    public void write(int b) {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int off, int len) {
        sha256.update(bytes, off, len);
        keepHead(bytes, off, len);
        count += len;
        if (held == null) {
            return;
        }
        if (count > limit) {
            held = null;
            return;
        }
        if (heldLength + len > held.length) {
            held = Arrays.copyOf(held, (int) Math.min(limit, Math.max((long) heldLength + len, held.length * 2L)));
        }
        System.arraycopy(bytes, off, held, heldLength, len);
        heldLength += len;
    }

    /** Copies header bytes until the blank line that ends them (a line break twice, CR ignored) or the cap. */
    private void keepHead(byte[] bytes, int off, int len) {
        for (int i = off; i < off + len && !headDone && headLength < head.length; i++) {
            byte b = bytes[i];
            head[headLength++] = b;
            if (b == '\n') {
                headDone = ++newlines == 2;
            } else if (b != '\r') {
                newlines = 0;
            }
        }
    }

    long count() {
        return count;
    }

    CapturedMail result() {
        String hash = "sha256:" + HexFormat.of().formatHex(sha256.digest());
        if (held == null) {
            return new CapturedMail.Oversize(Arrays.copyOf(head, headLength), count, hash);
        }
        byte[] raw = heldLength == held.length ? held : Arrays.copyOf(held, heldLength);
        held = null;
        return new CapturedMail.Whole(raw, hash);
    }
}
