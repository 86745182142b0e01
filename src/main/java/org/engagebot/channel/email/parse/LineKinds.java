package org.engagebot.channel.email.parse;

import java.util.regex.Pattern;

/**
 * One letter per line for {@link ReplyTrimmer}: e empty, d delimiter, s signature, b quote header or
 * forwarded-message marker, h copied email header, q quoted line, t text.
 */
final class LineKinds {

    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]]+)\\]\\([^)]+\\)");

    private static final Pattern QUOTE = Pattern.compile("^\\s*(?:>|[A-Z]{1,3}>(?:\\s|$))");
    private static final Pattern FENCE = Pattern.compile("^\\s*```.*");

    private LineKinds() {
    }

    /** Kinds of all lines; lines inside a ``` code fence are always text. */
    static StringBuilder of(java.util.List<String> lines) {
        StringBuilder kinds = new StringBuilder(lines.size());
        boolean inFence = false;
        for (String line : lines) {
            boolean fence = FENCE.matcher(line).matches();
            kinds.append(inFence || fence ? 't' : of(line));
            inFence ^= fence;
        }
        return kinds;
    }

    static char of(String line) {
        if (line.isBlank() || line.matches("[\\s>]+")) {
            return 'e';
        }
        if (ReplyPatterns.DELIMITER.matcher(line).matches()) {
            return 'd';
        }
        String plain = MARKDOWN_LINK.matcher(line).replaceAll("$1");
        if (plain.length() <= 120 && ReplyPatterns.SIGNATURES.stream().anyMatch(p -> p.matcher(plain).find())) {
            return 's';
        }
        if (line.length() <= 400 && ReplyPatterns.QUOTE_HEADERS.stream().anyMatch(p -> p.matcher(line).find())) {
            return 'b';
        }
        if (ReplyPatterns.HEADER_LINE.matcher(line).matches()) {
            return 'h';
        }
        return QUOTE.matcher(line).find() ? 'q' : 't';
    }
}
