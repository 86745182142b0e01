package org.engagebot.channel.telegram;

import java.util.List;

/**
 * Text helpers for Telegram's HTML parse mode.
 *
 * <p>Length is counted as Telegram counts it: UTF-16 code units of the text after entity parsing.
 * Tags count nothing, an entity such as {@code &amp;} or {@code &#128512;} counts as the
 * character(s) it stands for (1 and 2 here). Splitting never cuts inside a tag, an entity, a
 * surrogate pair, or between a character and the combining mark, joiner or variation selector
 * that belongs to it.
 */
public final class TelegramText {

    /** Telegram's maximum message length. */
    public static final int MESSAGE_LIMIT = 4096;

    private TelegramText() {
    }

    /** Escapes plain text for Telegram HTML: {@code & < > "} (the quote so it is safe in attributes too). */
    public static String escapeHtml(String plain) {
        StringBuilder out = new StringBuilder(plain.length() + 16);
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Length of a Telegram-HTML message as Telegram counts it (see the class comment). */
    public static int length(String telegramHtml) {
        return weight(MessageTokenizer.html(telegramHtml));
    }

    /**
     * Splits a Telegram-HTML message into chunks whose text is at most {@code limit} long.
     * Prefers a blank line, then a line break, then a sentence end, then a space, as long as the
     * chunk is at least half full; tags open at a split are closed at the end of the chunk and
     * reopened (with their attributes) at the start of the next. Whitespace at a split point is
     * dropped. A message that fits is returned unchanged as the only chunk; a blank message gives
     * no chunks.
     *
     * @param limit at least 2, so that a surrogate pair always fits
     */
    public static List<String> split(String telegramHtml, int limit) {
        return split(MessageTokenizer.html(telegramHtml), telegramHtml, limit);
    }

    /** As {@link #split}, for text sent without a parse mode: every character is text. */
    public static List<String> splitPlain(String plain, int limit) {
        return split(MessageTokenizer.plain(plain), plain, limit);
    }

    private static List<String> split(List<MessageToken> tokens, String source, int limit) {
        if (limit < 2) {
            throw new IllegalArgumentException("limit must be at least 2, was " + limit);
        }
        if (tokens.stream().allMatch(t -> !t.isText() || t.isWhitespace())) {
            return List.of();
        }
        if (weight(tokens) <= limit) {
            return List.of(source);
        }
        return new MessageSplitter(tokens, limit).split();
    }

    private static int weight(List<MessageToken> tokens) {
        return tokens.stream().mapToInt(MessageToken::weight).sum();
    }
}
