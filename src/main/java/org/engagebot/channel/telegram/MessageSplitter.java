package org.engagebot.channel.telegram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * Splits a token stream into chunks of at most {@code limit} weight. Tags open at a split are
 * closed at the end of the chunk and reopened, with their original attributes, at the start of the
 * next one. Whitespace at a split point is dropped (trailing whitespace, and leading whitespace up
 * to and including the last line break, so the indentation of a new line survives). A chunk left
 * with no visible text is not emitted. Single-use: create one per message.
 */
final class MessageSplitter {

    private final List<MessageToken> tokens;
    private final int limit;
    private final BreakFinder breaks;
    private final Deque<MessageToken> open = new ArrayDeque<>();

    MessageSplitter(List<MessageToken> tokens, int limit) {
        this.tokens = tokens;
        this.limit = limit;
        this.breaks = new BreakFinder(tokens);
    }

    List<String> split() {
        List<String> chunks = new ArrayList<>();
        int start = 0;
        while (start < tokens.size()) {
            int from = start == 0 ? 0 : leadingTrimEnd(start, tokens.size());
            int end = windowEnd(from);
            int cut = end == tokens.size() ? end : breaks.find(from, end, limit);
            String chunk = render(start, cut);
            if (!chunk.isEmpty()) {
                chunks.add(chunk);
            }
            start = cut;
        }
        return chunks;
    }

    private int windowEnd(int start) {
        int weight = 0;
        for (int i = start; i < tokens.size(); i++) {
            weight += tokens.get(i).weight();
            if (weight > limit) {
                return i;
            }
        }
        return tokens.size();
    }

    private String render(int start, int cut) {
        int from = start == 0 ? 0 : leadingTrimEnd(start, cut);
        int to = cut == tokens.size() ? cut : trailingTrimStart(start, cut);
        StringBuilder out = new StringBuilder();
        Iterator<MessageToken> reopen = open.descendingIterator();
        reopen.forEachRemaining(tag -> out.append(tag.raw()));
        boolean visible = false;
        for (int i = start; i < cut; i++) {
            MessageToken token = tokens.get(i);
            if (token.isText() && (i < from || i >= to)) {
                continue;
            }
            visible |= token.isText() && !token.isWhitespace();
            append(out, token);
        }
        open.forEach(tag -> out.append("</").append(tag.tagName()).append('>'));
        return visible ? out.toString() : "";
    }

    private void append(StringBuilder out, MessageToken token) {
        switch (token.kind()) {
            case OPEN -> {
                open.push(token);
                out.append(token.raw());
            }
            case CLOSE -> {
                if (open.stream().anyMatch(tag -> tag.tagName().equals(token.tagName()))) {
                    MessageToken closed;
                    do {
                        closed = open.pop();
                    } while (!closed.tagName().equals(token.tagName()));
                    out.append(token.raw());
                }
            }
            case TEXT -> out.append(token.raw());
        }
    }

    /** Index of the first text token to keep: skips whitespace, keeping what follows the last line break. */
    private int leadingTrimEnd(int start, int cut) {
        int keepFrom = start;
        for (int i = start; i < cut; i++) {
            MessageToken token = tokens.get(i);
            if (token.isText() && !token.isWhitespace()) {
                return keepFrom == start ? i : keepFrom;
            }
            if (token.isNewline()) {
                keepFrom = i + 1;
            }
        }
        return cut;
    }

    private int trailingTrimStart(int start, int cut) {
        for (int i = cut - 1; i >= start; i--) {
            MessageToken token = tokens.get(i);
            if (token.isText() && !token.isWhitespace()) {
                return i + 1;
            }
        }
        return start;
    }
}
