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
    private static final Pattern QUOTED_NUMBER = Pattern.compile("^[\\s>]*(\\d{1,2})\\s?[.)]\\s");
    private static final Pattern ANSWER_NUMBER = Pattern.compile("^\\s*\\d{1,2}\\s?[.)](\\s|$)");

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
            cutAtDisclaimer(lines, kinds);
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
        boolean answeredInline = carryQuestionNumbers(lines, kinds);
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
        if (answeredInline && kinds.indexOf("t") >= 0) {
            dropInlineQuotes(lines, kinds);
        }
        return kinds.toString().matches("[^tq]*") ? "" : String.join("\n", lines).strip();
    }

    /**
     * An inline reply answers under each quoted question. A quoted question's number ("> 2. When …") is carried
     * onto the answer below it when the sender did not number it, so that the answers still reach their
     * questions once the quotes are gone. Only with two or more such answers: one text under one numbered quote
     * is a bottom-posted reply, not an answer to that question alone.
     */
    private static boolean carryQuestionNumbers(List<String> lines, StringBuilder kinds) {
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < kinds.length(); i++) {
            Matcher number = QUOTED_NUMBER.matcher(lines.get(i));
            if (kinds.charAt(i) != 'q' || !number.find()) {
                continue;
            }
            int answer = i + 1;
            while (answer < kinds.length() && kinds.charAt(answer) == 'e') {
                answer++;
            }
            if (answer < kinds.length() && kinds.charAt(answer) == 't') {
                pairs.add(new int[] {Integer.parseInt(number.group(1)), answer});
            }
        }
        if (pairs.size() < 2) {
            return false;
        }
        for (int[] pair : pairs) {
            if (!ANSWER_NUMBER.matcher(lines.get(pair[1])).find()) {
                lines.set(pair[1], pair[0] + ". " + lines.get(pair[1]).stripLeading());
            }
        }
        return true;
    }

    /**
     * In a reply answering numbered questions inline, the quoted questions are ours, not the sender's words: they
     * go. Other interleaved quotes (a sender answering a point of ours) stay, as context for the words below them.
     */
    private static void dropInlineQuotes(List<String> lines, StringBuilder kinds) {
        int firstText = kinds.indexOf("t");
        for (int i = kinds.length() - 1; i > firstText; i--) {
            if (kinds.charAt(i) != 'q') {
                continue;
            }
            lines.remove(i);
            kinds.deleteCharAt(i);
            if (i < kinds.length() && kinds.charAt(i) == 'e' && kinds.charAt(i - 1) == 'e') {
                lines.remove(i);
                kinds.deleteCharAt(i);
            }
        }
    }

    private static void cutAtSignatureDelimiter(List<String> lines, StringBuilder kinds) {
        for (int i = 1; i < lines.size(); i++) {
            if (ReplyPatterns.SIGNATURE_DELIMITER.matcher(lines.get(i)).matches() && kinds.substring(0, i).contains("t")) {
                truncate(lines, kinds, i);
                return;
            }
        }
    }

    /** Drops a legal footer and all below it, once the sender has written something above it. */
    private static void cutAtDisclaimer(List<String> lines, StringBuilder kinds) {
        for (int i = 1; i < lines.size(); i++) {
            if (kinds.charAt(i) == 't' && ReplyPatterns.DISCLAIMER_START.matcher(lines.get(i)).matches()
                    && ReplyPatterns.DISCLAIMER_WORDS.matcher(paragraph(lines, i)).matches()
                    && kinds.substring(0, i).contains("t")) {
                truncate(lines, kinds, i);
                return;
            }
        }
    }

    private static String paragraph(List<String> lines, int from) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < lines.size() && i < from + 8 && !lines.get(i).isBlank(); i++) {
            text.append(lines.get(i)).append(' ');
        }
        return text.toString();
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
