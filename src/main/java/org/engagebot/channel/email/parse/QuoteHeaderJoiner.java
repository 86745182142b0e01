package org.engagebot.channel.email.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Rejoins a quote header ("On … wrote:") that a mail client wrapped over up to four lines. */
final class QuoteHeaderJoiner {

    private static final int MAX_EXTRA_LINES = 3;

    private QuoteHeaderJoiner() {
    }

    static List<String> join(String[] raw) {
        List<String> lines = new ArrayList<>(Arrays.asList(raw));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.length() > 300 || isHeader(line) || !ReplyPatterns.QUOTE_HEADER_START.matcher(line).matches()) {
                continue;
            }
            StringBuilder joined = new StringBuilder(line.strip());
            for (int extra = 1; extra <= MAX_EXTRA_LINES && i + extra < lines.size(); extra++) {
                String next = lines.get(i + extra).replaceFirst("^[\\s>-]*", "");
                if (next.isBlank()) {
                    break;
                }
                joined.append(' ').append(next.strip());
                if (isHeader(joined.toString())) {
                    lines.set(i, joined.toString());
                    lines.subList(i + 1, i + extra + 1).clear();
                    break;
                }
            }
        }
        return lines;
    }

    private static boolean isHeader(String line) {
        return ReplyPatterns.QUOTE_HEADERS.stream().anyMatch(p -> p.matcher(line).find());
    }
}
