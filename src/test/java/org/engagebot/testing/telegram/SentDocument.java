package org.engagebot.testing.telegram;

import java.time.Instant;
import java.util.Arrays;

/**
 * A document the bot uploaded through {@code sendDocument}.
 *
 * @param chatId   target chat
 * @param filename the multipart file name, or the file_id/URL string when no file was uploaded
 * @param bytes    uploaded bytes (empty when the document was referenced by file_id or URL)
 * @param caption  caption or null
 * @param at       when the fake accepted it
 */
public record SentDocument(long chatId, String filename, byte[] bytes, String caption, Instant at) {

    @Override
    public boolean equals(Object o) {
        return o instanceof SentDocument d && d.chatId == chatId && java.util.Objects.equals(d.filename, filename)
                && Arrays.equals(d.bytes, bytes) && java.util.Objects.equals(d.caption, caption)
                && java.util.Objects.equals(d.at, at);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(chatId, filename, Arrays.hashCode(bytes), caption, at);
    }

    @Override
    public String toString() {
        return "SentDocument[chatId=" + chatId + ", filename=" + filename + ", bytes=" + bytes.length
                + ", caption=" + caption + ", at=" + at + "]";
    }
}
