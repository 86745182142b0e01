package org.engagebot.channel.email.parse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a part's decoded content keeping at most a cap in memory and counting the rest. */
record PartBytes(byte[] kept, long size) {

    static PartBytes read(InputStream in, int cap) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long size = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            int room = (int) Math.max(0, Math.min(n, cap - size));
            kept.write(buffer, 0, room);
            size += n;
        }
        return new PartBytes(kept.toByteArray(), size);
    }

    static long count(InputStream in) throws IOException {
        return read(in, 0).size();
    }
}
