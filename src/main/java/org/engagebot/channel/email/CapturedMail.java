package org.engagebot.channel.email;

/**
 * One message as read from the server: whole (within the size limit), or over it, in which case only its first
 * header bytes, its size and a hash were kept; the rest went by without being held.
 */
sealed interface CapturedMail {

    /** "sha256:&lt;hex&gt;" of every byte of the message. */
    String sha256();

    long size();

    record Whole(byte[] raw, String sha256) implements CapturedMail {
        @Override
        public long size() {
            return raw.length;
        }
    }

    record Oversize(byte[] headers, long size, String sha256) implements CapturedMail {
    }
}
