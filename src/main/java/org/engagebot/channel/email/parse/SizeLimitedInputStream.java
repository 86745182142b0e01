package org.engagebot.channel.email.parse;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts bytes read; past the limit it drains the rest (counting only) and throws {@link TooLarge}. */
final class SizeLimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    SizeLimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    private void add(long n) throws IOException {
        count += n;
        if (count > limit) {
            throw new TooLarge(count + PartBytes.count(in));
        }
    }

    /** The stream is longer than the limit; {@code size} is its full length. */
    static final class TooLarge extends IOException {
        private final long size;

        TooLarge(long size) {
            super("too large");
            this.size = size;
        }

        long size() {
            return size;
        }
    }
}
