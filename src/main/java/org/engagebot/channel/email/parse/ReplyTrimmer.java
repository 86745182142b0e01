package org.engagebot.channel.email.parse;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps only what the sender of a reply wrote now. Each line is given a kind (one letter), then
 * rules over the string of kinds decide where the quoted history starts. Thread-safe, total on any input.
 */
@Singleton
public class ReplyTrimmer {

    private static final Pattern CUT_AT_QUOTE_HEADER = Pattern.compile("t[es]*b(?![eqbh]*q[eq]*t)");
    private static final Pattern LEADING_QUOTE_HEADER = Pattern.compile("^e*b[eqb]*(?=t)");
    private static final Pattern SIGNATURE_BLOCK = Pattern.compile("(?<=t[eq]{0,200})d[ed]*(?:t[ed]*){1,4}$");
    private static final Pattern WRAPPED_HEADERS = Pattern.compile("h+[hte]+h+(?=e)");
    private static final Pattern CUT_AT_HEADERS = Pattern.compile("t[eqs]*(?=h{3,})");
    private static final Pattern HEADER_BLOCK = Pattern.compile("h{3,}");
    private static final Pattern TRAILING_QUOTE = Pattern.compile("[eqs]+$");

    /** The reply with quoted history, forwarded headers, separators and signatures removed. */
    public String trim(String body) {
        return run(body, true);
    }

    /** Like {@link #trim} but keeps signatures ("Sent from my iPhone", "-- " blocks). */
    public String trimQuotes(String body) {
        return run(body, false);
    }

    private String run(String body, boolean dropSignatures) {
        if (body == null || body.isBlank()) {
            return "";
        }
        List<String> lines = QuoteHeaderJoiner.join(body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
        StringBuilder kinds = LineKinds.of(lines);
        if (dropSignatures) {
            cutAtSignatureDelimiter(lines, kinds);
            Matcher block = SIGNATURE_BLOCK.matcher(kinds);
            if (block.find()) {
                truncate(lines, kinds, block.start());
            }
        }
        for (int i = kinds.length() - 1; i >= 0; i--) {
            char kind = kinds.charAt(i);
            if (kind == 'd' || (kind == 's' && dropSignatures)) {
                kinds.deleteCharAt(i);
                lines.remove(i);
            } else if (kind == 's') {
                kinds.setCharAt(i, 't');
            }
        }
        cutAfter(CUT_AT_QUOTE_HEADER, lines, kinds);
        blank(LEADING_QUOTE_HEADER, lines, kinds);
        for (int i = kinds.length() - 1; i >= 0; i--) {
            if (kinds.charAt(i) == 'b') {
                kinds.deleteCharAt(i);
                lines.remove(i);
            }
        }
        Matcher wrapped = WRAPPED_HEADERS.matcher(kinds);
        if (wrapped.find()) {
            kinds.replace(wrapped.start(), wrapped.end(), "h".repeat(wrapped.end() - wrapped.start()));
        }
        cutAfter(CUT_AT_HEADERS, lines, kinds);
        blank(HEADER_BLOCK, lines, kinds);
        if (kinds.indexOf("t") >= 0) {
            Matcher trailing = TRAILING_QUOTE.matcher(kinds);
            if (trailing.find()) {
                truncate(lines, kinds, trailing.start());
            }
        }
        return kinds.toString().matches("[^tq]*") ? "" : String.join("\n", lines).strip();
    }

    private static void cutAtSignatureDelimiter(List<String> lines, StringBuilder kinds) {
        for (int i = 1; i < lines.size(); i++) {
            if (ReplyPatterns.SIGNATURE_DELIMITER.matcher(lines.get(i)).matches() && kinds.substring(0, i).contains("t")) {
                truncate(lines, kinds, i);
                return;
            }
        }
    }

    /** Keeps lines up to and including the first character of the match (the last line of text). */
    private static void cutAfter(Pattern rule, List<String> lines, StringBuilder kinds) {
        Matcher m = rule.matcher(kinds);
        if (m.find()) {
            truncate(lines, kinds, m.start() + 1);
        }
    }

    private static void blank(Pattern rule, List<String> lines, StringBuilder kinds) {
        Matcher m = rule.matcher(kinds);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        for (int[] span : spans) {
            for (int i = span[0]; i < span[1]; i++) {
                kinds.setCharAt(i, 'e');
                lines.set(i, "");
            }
        }
    }

    private static void truncate(List<String> lines, StringBuilder kinds, int size) {
        lines.subList(size, lines.size()).clear();
        kinds.setLength(size);
    }
}
