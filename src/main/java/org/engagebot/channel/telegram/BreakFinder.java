package org.engagebot.channel.telegram;

import java.util.List;

/**
 * Chooses where a chunk ends. A break at index {@code b} means the chunk holds tokens
 * {@code [start, b)}. Kinds of break, best first: paragraph (blank line), line, sentence end, word
 * (any whitespace). The best kind that leaves the chunk at least half full wins; failing that, the
 * latest soft break of any kind; failing that, a hard cut between two characters that does not
 * separate a combining mark, joiner or selector from the character it belongs to.
 */
final class BreakFinder {

    private enum Kind { PARAGRAPH, LINE, SENTENCE, WORD, HARD, NONE }

    private final List<MessageToken> tokens;

    BreakFinder(List<MessageToken> tokens) {
        this.tokens = tokens;
    }

    /**
     * @param start first token of the chunk
     * @param end   first token that no longer fits ({@code end > start}, {@code end < size})
     * @param limit the chunk's weight limit
     */
    int find(int start, int end, int limit) {
        int[] latest = new int[Kind.values().length];
        int weight = 0;
        int[] weightBefore = new int[end - start + 1];
        for (int i = start; i < end; i++) {
            weightBefore[i - start + 1] = weight += tokens.get(i).weight();
        }
        for (int b = end; b > start; b--) {
            Kind kind = kindAt(b);
            if (kind != Kind.NONE && latest[kind.ordinal()] == 0 && weightBefore[b - start] > 0) {
                latest[kind.ordinal()] = b;
            }
        }
        for (Kind kind : List.of(Kind.PARAGRAPH, Kind.LINE, Kind.SENTENCE, Kind.WORD)) {
            int b = latest[kind.ordinal()];
            if (b > 0 && weightBefore[b - start] * 2 >= limit) {
                return b;
            }
        }
        int soft = Math.max(Math.max(latest[0], latest[1]), Math.max(latest[2], latest[3]));
        if (soft > 0) {
            return soft;
        }
        return latest[Kind.HARD.ordinal()] > 0 ? latest[Kind.HARD.ordinal()] : end;
    }

    private Kind kindAt(int b) {
        MessageToken next = tokens.get(b);
        if (next.isNewline()) {
            MessageToken before = textBefore(b);
            MessageToken after = textAfter(b);
            boolean blank = (before != null && before.isNewline()) || (after != null && after.isNewline());
            return blank ? Kind.PARAGRAPH : Kind.LINE;
        }
        if (next.isWhitespace()) {
            MessageToken before = textBefore(b);
            return before != null && ".!?…".indexOf(before.codePoint()) >= 0 ? Kind.SENTENCE : Kind.WORD;
        }
        MessageToken before = textBefore(b);
        boolean joined = before != null && before.codePoint() == 0x200D;
        return next.attachesToPrevious() || joined ? Kind.NONE : Kind.HARD;
    }

    private MessageToken textBefore(int b) {
        for (int i = b - 1; i >= 0; i--) {
            if (tokens.get(i).isText()) {
                return tokens.get(i);
            }
        }
        return null;
    }

    private MessageToken textAfter(int b) {
        for (int i = b + 1; i < tokens.size(); i++) {
            if (tokens.get(i).isText()) {
                return tokens.get(i);
            }
        }
        return null;
    }
}
