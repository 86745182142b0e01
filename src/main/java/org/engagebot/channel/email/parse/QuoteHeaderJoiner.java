package org.engagebot.channel.email.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rejoins a quote header ("On … wrote:") that a mail client wrapped over several lines: from each line
 * that could end one, the shortest run of up to five non-blank lines above it that reads as a header.
 */
final class QuoteHeaderJoiner {

    private static final int MAX_LINES = 5;
    private static final Pattern HEADER_START = Pattern.compile("(?iU)^[\\s>-]*(?:(?:On|At|Le|Am|El|Op|Il|Em|Den"
            + "|Ar|Dnia|Dňa|W dniu|Dne|Pe|In message)\\s|\\d|在)");
    private static final Pattern HEADER_END = Pattern.compile("(?iU).*(?:[:：]|\\bwrote|\\bwrites)[\\s>-]*$");

    private QuoteHeaderJoiner() {
    }

    static List<String> join(String[] raw) {
        List<String> lines = new ArrayList<>(Arrays.asList(raw));
        for (int end = 0; end < lines.size(); end++) {
            String last = lines.get(end);
            if (last.length() > 300 || !HEADER_END.matcher(last).matches()) {
                continue;
            }
            int start = isHeader(last) ? end : shortestStart(lines, end);
            if (start >= 0 && !HEADER_START.matcher(lines.get(start)).find()) {
                int startLike = startLikeStart(lines, end);
                start = startLike >= 0 ? startLike : start;
            }
            if (start >= 0 && start < end) {
                lines.set(start, joined(lines, start, end));
                lines.subList(start + 1, end + 1).clear();
                end = start;
            }
        }
        return lines;
    }

    /** The nearest line above that reads like the start of a header and joins into one, or -1. */
    private static int startLikeStart(List<String> lines, int end) {
        int taken = 1;
        for (int start = end - 1; start >= 0 && taken < MAX_LINES; start--) {
            String line = lines.get(start);
            if (line.isBlank()) {
                continue;
            }
            taken++;
            if (line.length() > 200 || isHeader(line)) {
                return -1;
            }
            if (HEADER_START.matcher(line).find() && isHeader(joined(lines, start, end))) {
                return start;
            }
        }
        return -1;
    }

    private static int shortestStart(List<String> lines, int end) {
        int taken = 1;
        for (int start = end - 1; start >= 0 && taken < MAX_LINES; start--) {
            String line = lines.get(start);
            if (line.isBlank()) {
                continue;
            }
            if (line.length() > 200 || isHeader(line)) {
                return -1;
            }
            taken++;
            if (isHeader(joined(lines, start, end))) {
                return start;
            }
        }
        return -1;
    }

    private static String joined(List<String> lines, int start, int end) {
        StringBuilder joined = new StringBuilder(lines.get(start).stripTrailing());
        for (int i = start + 1; i <= end; i++) {
            String next = lines.get(i).replaceFirst("^[\\s>]*", "").strip();
            if (!next.isEmpty()) {
                joined.append(' ').append(next);
            }
        }
        return joined.toString().replaceAll("<\\s+", "<").replaceAll("\\s+>", ">");
    }

    private static boolean isHeader(String line) {
        return ReplyPatterns.QUOTE_HEADERS.stream().anyMatch(p -> p.matcher(line).find());
    }
}
